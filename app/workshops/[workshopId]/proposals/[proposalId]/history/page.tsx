import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { guardPage } from "@/server/auth/page-guard";
import { listVersions } from "@/server/services/history/list-versions";
import { StateBadge } from "@/components/ui/badges";
import { buttonSecondary } from "@/components/ui/field";
import { HistoryBreadcrumb, historyTrail } from "@/components/history/history-breadcrumb";
import { SaveVersionForm } from "@/components/history/save-version-form";
import { VerifyHistoryButton } from "@/components/history/verify-history-button";
import { VersionList } from "@/components/history/version-list";
import { DraftingEvents } from "@/components/history/drafting-events";
import { listDraftingEvents } from "@/server/services/history/drafting-events";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";
import { saveVersionAction } from "./actions";
import { loadHistoryContext, positiveInt } from "./load-context";
import { proposalMetadata } from "../proposal-metadata";

export async function generateMetadata({ params }: { params: Promise<{ workshopId: string; proposalId: string }> }): Promise<Metadata> {
  const { workshopId, proposalId } = await params;
  return proposalMetadata({ kind: "history" }, workshopId, proposalId);
}

type Props = {
  params: Promise<{ workshopId: string; proposalId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function HistoryPage({ params, searchParams }: Props) {
  const { workshopId, proposalId } = await params;
  const before = positiveInt((await searchParams).before) ?? undefined;
  const ctx = await loadHistoryContext(workshopId, proposalId, `/workshops/${workshopId}/proposals/${proposalId}/history`);
  const { versions, nextBefore } = await guardPage(listVersions({ db: db(), userId: ctx.user.id, proposalId, before }));
  const drafting = await guardPage(listDraftingEvents({ db: db(), userId: ctx.user.id, proposalId }));
  const zone = await viewerTimeZone();
  // "Latest" marks the newest version of all, which is on the first page only.
  const latestNumber = before === undefined ? (versions[0]?.number ?? null) : null;
  const delegations = new Map(ctx.delegations.map((d) => [d.id, d]));
  const [t, th] = await Promise.all([getTranslations("proposalPages"), getTranslations("history")]);

  return (
    <div className="space-y-8">
      <div>
        <HistoryBreadcrumb crumbs={historyTrail(ctx, workshopId, th("breadcrumb.history"))} />
        <div className="mt-2 flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-semibold tracking-tight">
            {t.rich("history.heading", { title: ctx.proposal.title, muted: (chunks) => <span className="font-normal text-slate-500">{chunks}</span> })}
          </h1>
          <StateBadge state={ctx.proposal.state} />
        </div>
        <p className="mt-2 max-w-3xl text-slate-600">
          {t("history.intro")}
        </p>
      </div>

      <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        {/* First in reading order on narrow screens (the chair's controls stay in reach above a
            long list); the right-hand column on wide ones. */}
        <aside className="grid content-start gap-6 md:grid-cols-2 lg:order-2 lg:grid-cols-1">
          {ctx.canSaveVersion && (
            <section aria-labelledby="save-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 id="save-heading" className="text-lg font-semibold">
                {t("history.saveHeading")}
              </h2>
              <div className="mt-3">
                <SaveVersionForm action={saveVersionAction.bind(null, workshopId, proposalId)} />
              </div>
            </section>
          )}
          {ctx.isChair && !ctx.canSaveVersion && (
            <p className="rounded-lg border border-slate-200 bg-slate-100 p-4 text-sm text-slate-700">
              {t("history.cannotSave")}
            </p>
          )}
          <section aria-labelledby="verify-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            <h2 id="verify-heading" className="text-lg font-semibold">
              {t("history.integrity")}
            </h2>
            <p className="mt-1 text-sm text-slate-600">{t("history.integrityIntro")}</p>
            <div className="mt-3">
              <VerifyHistoryButton proposalId={proposalId} />
            </div>
          </section>
        </aside>
        <section aria-labelledby="versions-heading" className="min-w-0 lg:order-1">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 id="versions-heading" className="text-xl font-semibold">
              {t("history.versions")}
            </h2>
            <Link href={`${ctx.basePath}/compare`} className={buttonSecondary}>
              {t("history.compare")}
            </Link>
          </div>
          <div className="mt-4">
            <VersionList versions={versions} delegations={delegations} basePath={ctx.basePath} latestNumber={latestNumber} zone={zone} />
          </div>
          {(before !== undefined || nextBefore !== null) && (
          <nav aria-label={t("history.moreVersions")} className="mt-6 flex flex-wrap gap-3">
            {before !== undefined && (
              <Link href={`${ctx.basePath}/history`} className={buttonSecondary}>
                {t("history.newest")}
              </Link>
            )}
            {nextBefore !== null && (
              <Link href={`${ctx.basePath}/history?before=${nextBefore}`} className={buttonSecondary}>
                {t("history.older")}
              </Link>
            )}
          </nav>
          )}
          <div className="mt-8">
            <DraftingEvents
              events={drafting.events}
              isCut={drafting.isCut}
              delegations={delegations}
              zone={zone}
              heading={t("history.draftingHeading")}
              empty={t("history.draftingEmpty")}
            />
          </div>
        </section>
      </div>
    </div>
  );
}
