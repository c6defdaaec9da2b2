"use client";
// A proposal's title and summary, live: they travel on the workshop's live board, so when the
// chair uses "Edit details" every open page of the proposal (and the agenda) shows the new ones
// at once, without a reload. The chair's form lives here too.
import Link from "next/link";
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { useHandSentForm } from "@/components/ui/use-hand-sent-form";
import { LabelledControl, buttonPrimary, buttonSecondary, fieldAtFault, fieldControl } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";

export type ProposalDetailsValues = { title: string; summary: string };
type Saved = ProposalDetailsValues & { changed: string[] };
export type EditProposalDetails = (prev: unknown, form: FormData) => Promise<ActionResult<Saved>>;

type Ids = { workshopId: string; proposalId: string };

/**
 * The details as the board has them (the chair's own tab too: the server sends the new board to
 * every tab of the workshop, the sender's included); until the board arrives, the
 * server-rendered ones.
 */
function useLiveDetails({ workshopId, proposalId }: Ids, initial: ProposalDetailsValues): ProposalDetailsValues {
  const { live } = useWorkshopLive(workshopId);
  const entry = live?.proposals.find((p) => p.id === proposalId);
  return entry ? { title: entry.title, summary: entry.summary } : initial;
}

/** The proposal's title as text (headings and breadcrumbs), live. */
export function LiveProposalTitle({ initial, ...ids }: Ids & { initial: string }) {
  return <>{useLiveDetails(ids, { title: initial, summary: "" }).title}</>;
}

type PanelProps = Ids & {
  initial: ProposalDetailsValues;
  /** "Based on <title>, version N" for a proposal duplicated from a version. */
  basedOn: { proposalId: string; title: string; versionNumber: number } | null;
  /** The chair's action, when the details may be edited now (the server checks again). */
  edit: EditProposalDetails | null;
};

/** The summary, where the text came from, and the chair's "Edit details". */
export function ProposalDetailsPanel({ workshopId, proposalId, initial, basedOn, edit }: PanelProps) {
  const t = useTranslations("proposal.details");
  const details = useLiveDetails({ workshopId, proposalId }, initial);
  const [isEditing, setEditing] = useState(false);

  return (
    <div className="space-y-2">
      {details.summary && <p className="max-w-3xl text-slate-700">{details.summary}</p>}
      {basedOn && (
        <p className="text-sm text-slate-600">
          <Link href={`/workshops/${workshopId}/proposals/${basedOn.proposalId}/history/${basedOn.versionNumber}`} className="text-sky-800 underline-offset-2 hover:underline">
            {t("basedOn", { title: basedOn.title, number: String(basedOn.versionNumber) })}
          </Link>
        </p>
      )}
      {edit && !isEditing && (
        <button type="button" className={buttonSecondary} onClick={() => setEditing(true)}>
          {t("edit")}
        </button>
      )}
      {edit && isEditing && <DetailsForm current={details} action={edit} onDone={() => setEditing(false)} />}
    </div>
  );
}

/** The prefixes of the server's (English) messages that name a field ("Title: …"); never shown. */
const SERVER_LABEL = { title: "Title", summary: "Summary" } as const;

function DetailsForm({ current, action, onDone }: { current: ProposalDetailsValues; action: EditProposalDetails; onDone: () => void }) {
  const t = useTranslations("proposal.details");
  const [draft, setDraft] = useState(current);
  const { result, isPending, onSubmit } = useHandSentForm(action, (r) => {
    if (r.ok) onDone();
  });
  const titleRef = useRef<HTMLInputElement>(null);
  const summaryRef = useRef<HTMLTextAreaElement>(null);
  const fault = result && !result.ok ? fieldAtFault(result.message, SERVER_LABEL) : null;

  useEffect(() => titleRef.current?.focus(), []);
  useEffect(() => {
    if (fault === "title") titleRef.current?.focus();
    if (fault === "summary") summaryRef.current?.focus();
  }, [result, fault]);

  const describedBy = (f: "title" | "summary") => (fault === f ? "proposal-details-error" : undefined);
  return (
    <form onSubmit={onSubmit} aria-label={t("formLabel")} className="max-w-3xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm" noValidate>
      <LabelledControl id="proposal-details-title" label={t("title")}>
        <input
          ref={titleRef}
          id="proposal-details-title"
          name="title"
          type="text"
          required
          maxLength={200}
          value={draft.title}
          onChange={(e) => setDraft({ ...draft, title: e.target.value })}
          aria-invalid={fault === "title" || undefined}
          aria-describedby={describedBy("title")}
          className={fieldControl}
        />
      </LabelledControl>
      <LabelledControl id="proposal-details-summary" label={t("summary")}>
        <textarea
          ref={summaryRef}
          id="proposal-details-summary"
          name="summary"
          rows={3}
          maxLength={2000}
          value={draft.summary}
          onChange={(e) => setDraft({ ...draft, summary: e.target.value })}
          aria-invalid={fault === "summary" || undefined}
          aria-describedby={describedBy("summary")}
          className={fieldControl}
        />
      </LabelledControl>
      <div aria-live="polite">
        {result && !result.ok && (
          <div id="proposal-details-error">
            <ErrorAlert error={result} />
          </div>
        )}
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="submit" className={buttonPrimary} disabled={isPending}>
          {isPending ? t("saving") : t("save")}
        </button>
        <button type="button" className={buttonSecondary} onClick={onDone} disabled={isPending}>
          {t("cancel")}
        </button>
      </div>
    </form>
  );
}
