"use client";
// "New proposal": title, summary and a starting text — none, pasted (plain paragraphs or
// Markdown) or imported from a file. The server converts and checks everything and names the
// field at fault ("Import text: …"); that field is then marked invalid and focused. Sent by
// hand rather than as a form action, so that what was typed and the chosen file survive a
// refusal (React resets a form after its action).
import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "@/components/ui/alert";
import { useHandSentForm } from "@/components/ui/use-hand-sent-form";
import { LabelledControl, buttonPrimary, fieldAtFault, fieldControl, fieldHint } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { IMPORT_ACCEPT, MAX_IMPORT_FILE_BYTES, MAX_STARTING_TEXT_CHARS, formatBytes } from "@/lib/document/starting-text";

type Created = { proposalId: string; workshopId: string };
type Action = (prev: unknown, form: FormData) => Promise<ActionResult<Created>>;

/** The labels are the controls' accessible names and the prefixes of the server's messages. */
const LABEL = { title: "Title", summary: "Summary", text: "Paste text", file: "Import text" } as const;
type FieldName = keyof typeof LABEL;

export function NewProposalForm({ action }: { action: Action }) {
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
    const at = fieldAtFault(r.message, LABEL);
    if (at) refs.current[at]?.focus();
  });
  const fault = result && !result.ok ? fieldAtFault(result.message, LABEL) : null;
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
    <form onSubmit={onSubmit} className="space-y-6" aria-label="New proposal" noValidate>
      <LabelledControl id="new-proposal-title" label={LABEL.title}>
        <input type="text" required maxLength={200} autoComplete="off" {...bind("title", false)} />
      </LabelledControl>
      <LabelledControl id="new-proposal-summary" label={LABEL.summary} hint="One or two sentences shown on the agenda. Optional.">
        <textarea rows={3} maxLength={2000} {...bind("summary", true)} />
      </LabelledControl>

      <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-slate-50 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-800">Starting text</legend>
        <p className={fieldHint}>Paste the text or import a file — or leave both empty to start from an empty text. It becomes version 1, “Starting draft”.</p>
        <LabelledControl id="new-proposal-text" label={LABEL.text} hint={<>Up to {MAX_STARTING_TEXT_CHARS.toLocaleString("en")} characters.</>}>
          <textarea rows={8} {...bind("text", true)} className={`${fieldControl} font-[inherit]`} />
        </LabelledControl>
        <fieldset className="flex flex-wrap items-center gap-x-5 gap-y-2 text-sm">
          <legend className="sr-only">Pasted text is</legend>
          <span aria-hidden className="font-medium text-slate-800">
            Pasted text is
          </span>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="format" value="text" defaultChecked /> Plain text (one paragraph per line)
          </label>
          <label className="inline-flex items-center gap-2">
            <input type="radio" name="format" value="markdown" /> Markdown
          </label>
        </fieldset>
        <LabelledControl
          id="new-proposal-file"
          label={LABEL.file}
          hint={<>A Word (.docx), Markdown (.md) or text (.txt) file, up to {formatBytes(MAX_IMPORT_FILE_BYTES)}. Headings, numbered clauses, bold and italic are kept.</>}
        >
          <input type="file" accept={IMPORT_ACCEPT} {...bind("file", true)} className={`${fieldControl} text-sm`} />
        </LabelledControl>
      </fieldset>

      <div aria-live="polite">
        {result && !result.ok && (
          <div id={errorId}>
            <ErrorAlert>{result.message}</ErrorAlert>
          </div>
        )}
        {isOpening && (
          <p role="status" className="text-sm text-emerald-800">
            Proposal created. Opening it…
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={busy}>
        {isPending ? "Creating…" : "Create proposal"}
      </button>
    </form>
  );
}
