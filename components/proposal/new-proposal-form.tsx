"use client";
// "New proposal": title, summary and a starting text — none, pasted (plain paragraphs or
// Markdown) or imported from a file. The server converts and checks everything and names the
// field at fault ("Import text: …"); that field is then marked invalid and focused. Sent by
// hand rather than as a form action, so that what was typed and the chosen file survive a
// refusal (React resets a form after its action).
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { useHandSentForm } from "@/components/ui/use-hand-sent-form";
import { LabelledControl, buttonPrimary, fieldAtFault, fieldControl, fieldHint } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { IMPORT_ACCEPT, MAX_IMPORT_FILE_BYTES, MAX_STARTING_TEXT_CHARS, formatBytes } from "@/lib/document/starting-text";

type Created = { proposalId: string; workshopId: string };
type Action = (prev: unknown, form: FormData) => Promise<ActionResult<Created>>;

/**
 * The prefixes of the server's (English) messages that name a field ("Title: …"), to find the
 * field at fault; never shown. The English labels (proposal.newProposal.label.*) read the same.
 */
const SERVER_LABEL = { title: "Title", summary: "Summary", text: "Paste text", file: "Import text" } as const;
type FieldName = keyof typeof SERVER_LABEL;

export function NewProposalForm({ action }: { action: Action }) {
  const t = useTranslations("proposal.newProposal");
  const router = useRouter();
  const [isOpening, setOpening] = useState(false);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | null>>>({});
  const { result, isPending, onSubmit } = useHandSentForm(action, (r) => {
    if (r.ok) {
      setOpening(true);
      router.push(`/workshops/${r.data.workshopId}/proposals/${r.data.proposalId}`);
      return;
    }
    // Keyboard and screen-reader users land on the field to fix.
    const at = fieldAtFault(r.message, SERVER_LABEL);
    if (at) refs.current[at]?.focus();
  });
  const fault = result && !result.ok ? fieldAtFault(result.message, SERVER_LABEL) : null;
  const errorId = "new-proposal-error";

  const bind = (f: FieldName, hint: boolean) => ({
    id: `new-proposal-${f}`,
    name: f,
    ref: (el: HTMLInputElement | HTMLTextAreaElement | null) => {
      refs.current[f] = el;
    },
    "aria-invalid": fault === f ? true : undefined,
    "aria-describedby": [hint ? `new-proposal-${f}-hint` : null, fault === f ? errorId : null].filter(Boolean).join(" ") || undefined,
    className: fieldControl,
  });
  const busy = isPending || isOpening;

  return (
    <form onSubmit={onSubmit} className="space-y-6" aria-label={t("formLabel")} noValidate>
      <LabelledControl id="new-proposal-title" label={t("label.title")}>
        <input type="text" required maxLength={200} autoComplete="off" {...bind("title", false)} />
      </LabelledControl>
      <LabelledControl id="new-proposal-summary" label={t("label.summary")} hint={t("summaryHint")}>
        <textarea rows={3} maxLength={2000} {...bind("summary", true)} />
      </LabelledControl>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">{t("startingText")}</legend>
        <p className={fieldHint}>{t("startingTextHint")}</p>
        <LabelledControl id="new-proposal-text" label={t("label.text")} hint={t("textHint", { max: MAX_STARTING_TEXT_CHARS })}>
          <textarea rows={8} {...bind("text", true)} className={`${fieldControl} font-[inherit]`} />
        </LabelledControl>
        <fieldset className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
          <legend className="sr-only">{t("formatLegend")}</legend>
          <span aria-hidden className="font-medium text-slate-800">
            {t("formatLegend")}
          </span>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="format" value="text" defaultChecked /> {t("formatText")}
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="format" value="markdown" /> {t("formatMarkdown")}
          </label>
        </fieldset>
        <LabelledControl
          id="new-proposal-file"
          label={t("label.file")}
          hint={t("fileHint", { size: formatBytes(MAX_IMPORT_FILE_BYTES) })}
        >
          <input type="file" accept={IMPORT_ACCEPT} {...bind("file", true)} className={`${fieldControl} text-sm`} />
        </LabelledControl>
      </fieldset>

      <div aria-live="polite">
        {result && !result.ok && (
          <div id={errorId}>
            <ErrorAlert error={result} />
          </div>
        )}
        {isOpening && (
          <p role="status" className="text-sm text-emerald-800">
            {t("opening")}
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={busy}>
        {isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
