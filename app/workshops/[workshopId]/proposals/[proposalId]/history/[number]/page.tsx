import type { Metadata } from "next";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { guardPage } from "@/server/auth/page-guard";
import { getVersion } from "@/server/services/history/get-version";
import { listVersions } from "@/server/services/history/list-versions";
import { ProposalText } from "@/components/proposal/proposal-text";
import { buttonSecondary } from "@/components/ui/field";
import { ContributorChips } from "@/components/history/contributor-chips";
import { HistoryBreadcrumb, historyTrail } from "@/components/history/history-breadcrumb";
import { RestoreVersionButton } from "@/components/history/restore-version-button";
import { VersionKindBadge } from "@/components/history/version-kind-badge";
import { LocalTime } from "@/components/ui/local-time";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";
import { versionTitle } from "@/components/history/version-title";
import { DuplicateVersionButton } from "@/components/history/duplicate-version-button";
import { DiffLegend } from "@/components/history/diff-legend";
import { DiffView } from "@/components/history/diff-view";
import { OpenAmendmentsList } from "@/components/history/open-amendments-list";
import { CompareBusyNotice, CompareLevelNotice } from "../../compare/compare-notice";
import { compareOrBusy } from "../../compare/compare-or-busy";
import { duplicateAsNewDraftAction, restoreVersionAction } from "../actions";
import { loadHistoryContext, positiveInt } from "../load-context";
import { proposalMetadata } from "../../proposal-metadata";
import { DownloadMenu } from "@/components/exports/download-menu";

export async function generateMetadata({ params }: { params: Promise<{ workshopId: string; proposalId: string; number: string }> }): Promise<Metadata> {
  const { workshopId, proposalId, number } = await params;
  const n = positiveInt(number);
  const t = await getTranslations("proposalPages");
  return n === null ? { title: t("metadata.version") } : proposalMetadata({ kind: "version", number: n }, workshopId, proposalId);
}

type Props = { params: Promise<{ workshopId: string; proposalId: string; number: string }> };

export default async function VersionPage({ params }: Props) {
  const { workshopId, proposalId, number: raw } = await params;
  const number = positiveInt(raw);
  if (number === null) notFound();
  const ctx = await loadHistoryContext(workshopId, proposalId, `/workshops/${workshopId}/proposals/${proposalId}/history/${number}`);
  const userId = ctx.user.id;
  const [version, summary, newest] = await guardPage(
    Promise.all([
      getVersion({ db: db(), userId, proposalId, number }),
      // The list carries author and contributors; a one-row page just above this number is this version.
      listVersions({ db: db(), userId, proposalId, before: number + 1, take: 1 }).then((r) => r.versions.find((v) => v.number === number) ?? null),
      listVersions({ db: db(), userId, proposalId, take: 1 }).then((r) => r.versions[0]?.number ?? number),
    ]),
  );
  // What changed since the previous version, with the same marks and attribution as Compare
  // (the diff runs in the compare worker, under its budgets).
  const changes = number > 1 ? await compareOrBusy({ db: db(), userId, proposalId, from: number - 1, to: number }) : null;
  const zone = await viewerTimeZone();
  const delegations = new Map(ctx.delegations.map((d) => [d.id, d]));
  const [t, th] = await Promise.all([getTranslations("proposalPages"), getTranslations("history")]);
  const title = versionTitle({ ...version, round: summary?.round }, th);
  const compare =
    number < newest
      ? { href: `${ctx.basePath}/compare?from=${number}&to=${newest}`, label: t("version.compareNewest", { number: newest }) }
      : number > 1
        ? { href: `${ctx.basePath}/compare?from=${number - 1}&to=${number}`, label: t("version.comparePrevious") }
        : null;

  return (
    <div className="space-y-6" data-print="text">
      <div>
        <HistoryBreadcrumb crumbs={historyTrail(ctx, workshopId, th("breadcrumb.history"), t("version.crumb", { number }))} />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{title}</h1>
        <p className="mt-1 text-slate-600">{ctx.proposal.title}</p>
      </div>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] print:block">
        <aside aria-label={t("version.about")} className="grid content-start gap-5 md:grid-cols-2 lg:order-2 lg:grid-cols-1 print:hidden">
          <dl className="grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-3 rounded-lg border border-slate-200 bg-white p-5 text-sm shadow-sm lg:grid-cols-1 lg:gap-y-1">
            <dt className="font-medium text-slate-500">{t("version.kind")}</dt>
            <dd className="lg:mb-2">
              <VersionKindBadge kind={version.kind} />
              {number === newest && <span className="ml-2 text-xs font-semibold uppercase tracking-wide text-sky-700">{t("version.latest")}</span>}
            </dd>
            <dt className="font-medium text-slate-500">{t("version.saved")}</dt>
            <dd className="lg:mb-2">
              <LocalTime at={version.createdAt} zone={zone} className="tabular-nums text-slate-800" />
            </dd>
            {summary?.author && (
              <>
                <dt className="font-medium text-slate-500">{t("version.by")}</dt>
                <dd className="text-slate-800 lg:mb-2">{summary.author}</dd>
              </>
            )}
            {summary && summary.contributors.length > 0 && (
              <>
                <dt className="font-medium text-slate-500">{t("version.writtenBy")}</dt>
                <dd>
                  <ContributorChips ids={summary.contributors} delegations={delegations} />
                </dd>
              </>
            )}
          </dl>
          <OpenAmendmentsList amendments={version.openAmendments} />
          <div className="flex flex-col items-start gap-3">
            <DownloadMenu
              label={t("version.download")}
              title={t("version.downloadTitle", { number })}
              target={{ kind: "text", proposalId, version: number }}
              delegationComments={ctx.viewerDelegationId !== null}
              align="left"
            />
            {compare && (
              <Link href={compare.href} className={buttonSecondary}>
                {compare.label}
              </Link>
            )}
            {ctx.canRestore && (
              <RestoreVersionButton
                versionTitle={title}
                proposalPath={ctx.basePath}
                action={restoreVersionAction.bind(null, workshopId, proposalId, number)}
              />
            )}
            {ctx.canCreateProposal && <DuplicateVersionButton action={duplicateAsNewDraftAction.bind(null, workshopId, proposalId, number)} />}
            <nav aria-label={t("version.otherVersions")} className="flex flex-wrap gap-x-4 gap-y-2 pt-1 text-sm">
              {number > 1 && (
                <Link href={`${ctx.basePath}/history/${number - 1}`} className="text-sky-800 hover:underline">
                  {t("version.previous", { number: number - 1 })}
                </Link>
              )}
              {number < newest && (
                <Link href={`${ctx.basePath}/history/${number + 1}`} className="text-sky-800 hover:underline">
                  {t("version.next", { number: number + 1 })}
                </Link>
              )}
            </nav>
          </div>
        </aside>

        <article
          aria-label={t("version.textLabel", { number })}
          className="proposal-text min-w-0 rounded-lg border border-slate-200 bg-white px-5 py-6 shadow-sm sm:px-10 sm:py-8 lg:order-1"
        >
          <div className="mx-auto max-w-[72ch]">
            <ProposalText doc={version.content} />
          </div>
        </article>
      </div>

      {changes && (
        <section aria-labelledby="changes-heading" className="space-y-4 print:hidden">
          <h2 id="changes-heading" className="text-xl font-semibold">
            {t("version.changesSince", { number: number - 1 })}
          </h2>
          {changes.busy !== null && <CompareBusyNotice error={changes.busy} />}
          {changes.diff && <VersionChanges diff={changes.diff} delegations={delegations} fromTitle={t("version.fromTitle", { number: number - 1 })} toTitle={title} />}
        </section>
      )}
    </div>
  );
}

type Diff = NonNullable<Awaited<ReturnType<typeof compareOrBusy>>["diff"]>;

function VersionChanges({ diff, delegations, fromTitle, toTitle }: { diff: Diff; delegations: Map<string, { id: string; name: string; code: string; colour: string }>; fromTitle: string; toTitle: string }) {
  const t = useTranslations("proposalPages");
  // Same text (a vote's version right after a named one): say so instead of repeating the text unmarked.
  if (diff.stats && diff.stats.inserted === 0 && diff.stats.deleted === 0) {
    return <p className="text-slate-600">{t("version.noChanges", { number: diff.from.number })}</p>;
  }
  return (
    <>
      <CompareLevelNotice level={diff.level} />
      {diff.stats && <DiffLegend parts={diff.parts} stats={diff.stats} delegations={delegations} />}
      <DiffView parts={diff.parts} level={diff.level} delegations={delegations} layout="inline" fromTitle={fromTitle} toTitle={toTitle} />
    </>
  );
}
