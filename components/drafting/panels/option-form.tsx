"use client";
// "Add option" on a bracket: reveals "Option text" and "Propose option". Focus goes to the text
// box when it opens and back to "Add option" when it closes (proposed, cancelled, or Escape).
// An option replaces a passage within one paragraph: Enter proposes it, as no line break may go in.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { MAX_OPTION_CHARS } from "@/lib/domain/drafting";
import { InlineError } from "@/components/ui/alert";

type Props = {
  /** The bracket's passage element: the button says which bracket it adds to. */
  describedBy: string;
  onPropose: (text: string) => Promise<string | null>;
};

export function AddOption({ describedBy, onPropose }: Props) {
  const t = useTranslations("drafting.optionForm");
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // Focus moves only on the user's own opening and closing, never on a live update.
  const focusNext = useRef<"box" | "opener" | null>(null);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = null;
    if (target === "box") box.current?.focus();
    if (target === "opener") opener.current?.focus();
  }, [open]);

  function close() {
    focusNext.current = "opener";
    setOpen(false);
    setText("");
    setError(null);
  }

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (busy) return;
    if (text.trim() === "") {
      setError(t("empty"));
      box.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    const refused = await onPropose(text);
    setBusy(false);
    if (refused) setError(refused);
    else close();
  }

  if (!open) {
    return (
      <button
        ref={opener}
        type="button"
        aria-describedby={describedBy}
        aria-expanded={false}
        onClick={() => {
          focusNext.current = "box";
          setOpen(true);
        }}
        className={buttonSecondary}
      >
        {t("add")}
      </button>
    );
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="w-full space-y-2 rounded-md border border-sky-200 bg-sky-50/60 p-3">
      <label htmlFor={`${id}-text`} className="block text-sm font-medium text-slate-800">
        {t("label")}
      </label>
      <textarea
        ref={box}
        id={`${id}-text`}
        value={text}
        rows={2}
        maxLength={MAX_OPTION_CHARS}
        aria-describedby={`${id}-hint ${describedBy}`}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setText(e.target.value.replace(/[\r\n\u2028\u2029]+/g, " "))}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            close();
          } else if (e.key === "Enter") {
            e.preventDefault();
            void submit();
          }
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 font-serif text-base shadow-sm focus:border-sky-600"
      />
      <p id={`${id}-hint`} className="text-xs text-slate-500">
        {t("hint")}
      </p>
      <InlineError error={error} />
      <div className="flex flex-wrap gap-2">
        <button type="submit" aria-disabled={busy || undefined} className={buttonPrimary}>
          {t("propose")}
        </button>
        <button type="button" onClick={close} className={buttonSecondary}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
