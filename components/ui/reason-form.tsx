"use client";
// "Reason" and "Save reason": an amendment's author's reason, a bracket's placing delegation's.
// Live updates never overwrite what is being typed. "Save reason" is aria-disabled, not disabled, when there is
// nothing to save: a disabled button would drop the focus of whoever just pressed it.
import { useEffect, useId, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import type { ServerError } from "@/components/i18n/use-error-text";
import { buttonSecondary } from "@/components/ui/field";
import { MAX_REASON_CHARS } from "@/lib/domain/amendments";
import { InlineError } from "@/components/ui/alert";

type Props = {
  saved: string;
  /** Resolves to the refusal (a server refusal {code, message}, or a sentence already translated), or null once saved. */
  onSave: (reason: string) => Promise<string | ServerError | null>;
  describedBy?: string;
  placeholder?: string;
  /** Whether this form says a refusal itself (false: the card around it already does). */
  showsRefusal?: boolean;
};

export function ReasonForm({ saved, onSave, describedBy, placeholder, showsRefusal = true }: Props) {
  const [value, setValue] = useState(saved);
  const [isDirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const t = useTranslations("ui.reasonForm");
  const [said, setSaid] = useState<string | null>(null);
  const [error, setError] = useState<string | ServerError | null>(null);
  const id = useId();
  useEffect(() => {
    if (!isDirty) setValue(saved);
  }, [saved, isDirty]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !isDirty) return;
    setBusy(true);
    setError(null);
    const refused = await onSave(value);
    setBusy(false);
    if (refused) {
      setError(refused);
      return;
    }
    setDirty(false);
    setSaid(t("saved"));
  }

  return (
    <form onSubmit={(e) => void submit(e)} className="space-y-1">
      <label htmlFor={`${id}-reason`} className="block text-sm font-medium text-slate-700">
        {t("label")}
      </label>
      <textarea
        id={`${id}-reason`}
        value={value}
        maxLength={MAX_REASON_CHARS}
        rows={2}
        placeholder={placeholder}
        aria-describedby={[`${id}-count`, describedBy].filter(Boolean).join(" ")}
        onChange={(e) => {
          setValue(e.target.value);
          setDirty(true);
          setSaid(null);
        }}
        className="block w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm shadow-sm focus:border-sky-600"
      />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" aria-disabled={busy || !isDirty || undefined} className={`${buttonSecondary} aria-disabled:opacity-50`}>
          {t("save")}
        </button>
        <span id={`${id}-count`} className="text-xs tabular-nums text-slate-500">
          {value.length}/{MAX_REASON_CHARS}
        </span>
        <span role="status" className="text-xs text-emerald-800">
          {said}
        </span>
      </div>
      {showsRefusal && <InlineError error={error} />}
    </form>
  );
}
