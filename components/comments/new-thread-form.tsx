"use client";
// The comment form for the passage selected in the text ("Comment" beside the toolbar). Each
// press of "Comment" brings focus here; Escape in an empty box cancels. A member of a delegation
// may keep the thread to their delegation; the chair and others without one write to everyone.
// A refusal stays beside the form with the typed text kept, so nothing written is lost.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { useTranslations } from "next-intl";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { MAX_COMMENT_CHARS } from "@/lib/domain/comments";
import type { CommentVisibility } from "@/lib/domain/vocabulary";
import type { Participant, ThreadAck } from "@/lib/protocol";
import type { CommentDraft } from "./comment-highlights";
import { submitOnCtrlEnter, textarea } from "./comment-box";
import { useRefusalText } from "./send-comment";
import { mentionHintKey, shortQuote } from "./thread-logic";

export function NewThreadForm({
  draft,
  self,
  onSubmit,
  onCancel,
}: {
  draft: CommentDraft;
  self: Participant;
  onSubmit: (body: string, visibility: CommentVisibility) => Promise<ThreadAck>;
  onCancel: () => void;
}) {
  const t = useTranslations("comments");
  const refusalText = useRefusalText();
  const id = useId();
  const [body, setBody] = useState("");
  const [visibility, setVisibility] = useState<CommentVisibility>("EVERYONE");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const hasDelegation = self.delegation !== null;

  // Each "Comment" press (a new passage, or the same again) brings the user here.
  useEffect(() => {
    box.current?.focus();
  }, [draft.seq]);

  async function submit(e?: FormEvent) {
    e?.preventDefault();
    if (pending) return;
    if (body.trim() === "") {
      setError(t("newThread.writeFirst"));
      box.current?.focus();
      return;
    }
    setPending(true);
    setError(null);
    const res = await onSubmit(body, hasDelegation ? visibility : "EVERYONE");
    setPending(false);
    if (!res.ok) setError(refusalText(res.error));
  }

  return (
    <form onSubmit={submit} aria-labelledby={`${id}-title`} className="space-y-3 rounded-md border border-sky-200 bg-sky-50/60 p-3">
      <div>
        <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
          {t("newThread.heading")}
        </h3>
        <p className="mt-1 text-sm text-slate-700">
          {t.rich("newThread.on", { quote: shortQuote(draft.quote), q: (chunks) => <q className="font-serif italic">{chunks}</q> })}
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${id}-body`} className="block text-sm font-medium text-slate-800">
          {t("newThread.label")}
        </label>
        <textarea
          ref={box}
          id={`${id}-body`}
          value={body}
          rows={3}
          maxLength={MAX_COMMENT_CHARS}
          aria-describedby={`${id}-hint`}
          aria-invalid={error ? true : undefined}
          onChange={(e) => setBody(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Escape" && body === "") {
              e.preventDefault();
              onCancel();
              return;
            }
            submitOnCtrlEnter(e, () => void submit());
          }}
          className={textarea}
        />
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {t(mentionHintKey(visibility))}
        </p>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-medium text-slate-800">{t("newThread.visibleTo")}</legend>
        <div className="flex flex-wrap gap-x-5 gap-y-1">
          <label className="inline-flex items-center gap-2 text-sm text-slate-800">
            <input type="radio" name={`${id}-visibility`} value="EVERYONE" checked={visibility === "EVERYONE" || !hasDelegation} onChange={() => setVisibility("EVERYONE")} className="h-4 w-4 accent-sky-700" />
            {t("newThread.everyone")}
          </label>
          {hasDelegation && (
            <label className="inline-flex items-center gap-2 text-sm text-slate-800">
              <input type="radio" name={`${id}-visibility`} value="DELEGATION" checked={visibility === "DELEGATION"} onChange={() => setVisibility("DELEGATION")} className="h-4 w-4 accent-sky-700" />
              {t("newThread.myDelegationOnly")}
            </label>
          )}
        </div>
      </fieldset>
      {error && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">
          {error}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" aria-disabled={pending || undefined} className={buttonPrimary}>
          {pending ? t("newThread.posting") : t("newThread.post")}
        </button>
        <button type="button" onClick={onCancel} className={buttonSecondary}>
          {t("newThread.cancel")}
        </button>
      </div>
    </form>
  );
}
