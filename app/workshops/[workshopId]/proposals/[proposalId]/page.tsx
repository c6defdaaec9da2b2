import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { realtimeIfRunning } from "@/server/realtime/global";
import { getProposalView } from "@/server/services/proposals/get-proposal-view";
import { StateBadge } from "@/components/ui/badges";
import { buttonSecondary } from "@/components/ui/field";
import { StaticProposalText } from "@/components/proposal/proposal-html";
import { LiveEditor } from "@/components/editor/live-editor";
import { PrintStamp } from "@/components/editor/print-stamp";
import { listVersions } from "@/server/services/history/list-versions";
import { LiveProposalTitle, ProposalDetailsPanel } from "@/components/proposal/proposal-details";
import { can } from "@/lib/domain/access";
import { ProposalDecisions } from "./proposal-decisions";
import { editProposalDetailsAction } from "./actions";
import { proposalMetadata } from "./proposal-metadata";
import { preloadDecisions } from "./page-data";
import { SaveVersionForm } from "@/components/history/save-version-form";
import { saveVersionAction } from "./history/actions";
import { DownloadMenu } from "@/components/exports/download-menu";

type Params = { params: Promise<{ workshopId: string; proposalId: string }> };

/** The tab names the proposal: "<proposal> — <workshop> · Accord". */
export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { workshopId, proposalId } = await params;
  return proposalMetadata({ kind: "proposal" }, workshopId, proposalId);
}

export default async function ProposalPage({ params }: Params) {
  const { workshopId, proposalId } = await params;
  const user = await requireUser(`/workshops/${workshopId}/proposals/${proposalId}`);
  preloadDecisions(user.id, workshopId, proposalId);
  // The text comes from the proposal's live room when this process holds it (else the database).
  // The printout's stamp ("latest saved version N") is read alongside.
  const [view, versions] = await guardPage(
    Promise.all([
      getProposalView({ db: db(), userId: user.id, proposalId, live: realtimeIfRunning()?.rooms }),
      listVersions({ db: db(), userId: user.id, proposalId, take: 1 }),
    ]),
  );
  // The URL's workshop must be the proposal's own.
  if (view.workshop.id !== workshopId) notFound();
  const ids = { workshopId: view.workshop.id, proposalId: view.proposal.id };
  // Shown only when it would be allowed now; the server checks again.
  const mayEditDetails = can(view.viewer.role, "proposal.details", view.proposal.state, { archived: view.workshop.archivedAt !== null });
  // The chair names the text from here too, without leaving the editor (same action as History).
  const maySaveVersion = can(view.viewer.role, "version.create", view.proposal.state, { archived: view.workshop.archivedAt !== null });
  const latestVersion = versions.versions[0] ?? null;
  const t = await getTranslations("proposalPages");
  return (
    <div className="space-y-6" data-print="text">
      <nav aria-label={t("proposal.breadcrumb")} className="text-sm text-slate-600 print:hidden">
        <Link href={`/workshops/${view.workshop.id}`} className="hover:underline">
          {view.workshop.title}
        </Link>
        <span aria-hidden> / </span>
        <span>
          <LiveProposalTitle {...ids} initial={view.proposal.title} />
        </span>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">
          <LiveProposalTitle {...ids} initial={view.proposal.title} />
        </h1>
        <span className="print:hidden">
          <StateBadge state={view.proposal.state} />
        </span>
        <nav aria-label={t("proposal.views")} className="ml-auto flex gap-2 print:hidden">
          <Link href={`/workshops/${view.workshop.id}/proposals/${view.proposal.id}/history`} className={buttonSecondary}>
            {t("proposal.history")}
          </Link>
          <Link href={`/workshops/${view.workshop.id}/proposals/${view.proposal.id}/compare`} className={buttonSecondary}>
            {t("proposal.compare")}
          </Link>
        </nav>
        {/* The live text as a file; a delegation's members may add their own internal comments. */}
        <DownloadMenu label={t("proposal.download")} title={t("proposal.downloadTitle")} target={{ kind: "text", proposalId: view.proposal.id }} delegationComments={view.viewer.delegationId !== null} />
      </div>
      <PrintStamp latestVersion={latestVersion} />
      {/* Printing gives the text, not the interface. */}
      <div className="space-y-6 print:hidden">
      <ProposalDetailsPanel
        {...ids}
        initial={{ title: view.proposal.title, summary: view.proposal.summary }}
        basedOn={view.basedOn}
        edit={mayEditDetails ? editProposalDetailsAction.bind(null, view.workshop.id, view.proposal.id) : null}
      />
      <ProposalDecisions workshopId={view.workshop.id} proposalId={view.proposal.id} />
      {maySaveVersion && (
        <section aria-label={t("proposal.saveVersion")} className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm">
          <SaveVersionForm compact action={saveVersionAction.bind(null, view.workshop.id, view.proposal.id)} />
        </section>
      )}
      </div>
      {/* The server-rendered text is the fallback until the live document has synced (one HTML string: see proposal-html.tsx). */}
      <LiveEditor key={view.proposal.id} proposalId={view.proposal.id} workshopId={view.workshop.id} viewerRole={view.viewer.role} fallback={<StaticProposalText doc={view.content} />} />
    </div>
  );
}
