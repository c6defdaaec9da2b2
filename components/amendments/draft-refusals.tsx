"use client";
// An amendment the server refused for good (drafting locked meanwhile, too many open
// amendments, its passage deleted…): said at once, naming the refused text, until dismissed —
// so nothing typed is lost without a word.
import { useLocale, useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ERRORS } from "@/lib/errors";
import type { DraftRefusal } from "@/lib/realtime/amendment-drafts";
import { describeAmendment, type AmendmentsT } from "./amendment-words";

/**
 * A refusal keeps only the server's sentence (lib/realtime/amendment-drafts.ts), not its code:
 * the code whose own sentence it is, if any, so it can be worded in the reader's language.
 */
function codeOf(message: string): string | null {
  return Object.entries(ERRORS).find(([, e]) => e.message === message)?.[0] ?? null;
}

/** "Your amendment (replace “shall” by “may”) was not accepted: <the reason>." */
export function refusalWords(t: AmendmentsT, r: DraftRefusal, reason: string): string {
  return t("refusal.text", { what: describeAmendment(t, r.passage, r.insert, { inSentence: true }), reason });
}

export function DraftRefusals({ refusals, onDismiss }: { refusals: readonly DraftRefusal[]; onDismiss: (key: string) => void }) {
  const t = useTranslations("amendments");
  const locale = useLocale();
  const errorText = useErrorText();
  if (refusals.length === 0) return null;
  // English ends the server's sentence with a full stop (it may lack one); other languages' sentences are complete.
  const reason = (r: DraftRefusal) => {
    const text = errorText({ code: codeOf(r.message), message: r.message });
    return locale === "en" ? text.replace(/\.?$/, ".") : text;
  };
  return (
    <div className="space-y-2 print:hidden">
      {refusals.map((r) => (
        <div key={r.key} role="alert" className="flex items-start justify-between gap-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p>{refusalWords(t, r, reason(r))}</p>
          <button type="button" onClick={() => onDismiss(r.key)} className="shrink-0 rounded px-2 font-medium underline hover:bg-amber-100">
            {t("refusal.dismiss")}
          </button>
        </div>
      ))}
    </div>
  );
}
