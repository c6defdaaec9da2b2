import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { guardPage } from "@/server/auth/page-guard";
import { findDefaultComparePair } from "@/server/services/history/default-compare-pair";
import { listVersions } from "@/server/services/history/list-versions";
import { CompareForm } from "@/components/history/compare-form";
import { DiffLegend } from "@/components/history/diff-legend";
import { DiffView, type DiffLayout } from "@/components/history/diff-view";
import { HistoryBreadcrumb, historyTrail } from "@/components/history/history-breadcrumb";
import { LayoutToggle } from "@/components/history/layout-toggle";
import { versionTitle, type TitledVersion } from "@/components/history/version-title";
import { LocalTime } from "@/components/ui/local-time";
import { DraftingEvents } from "@/components/history/drafting-events";
import { listDraftingEvents } from "@/server/services/history/drafting-events";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";
import { loadHistoryContext, positiveInt } from "../history/load-context";
import { CompareBusyNotice, CompareLevelNotice } from "./compare-notice";
import { compareOrBusy } from "./compare-or-busy";
import { proposalMetadata } from "../proposal-metadata";
import { DownloadMenu } from "@/components/exports/download-menu";

export async function generateMetadata({ params }: { params: Promise<{ workshopId: string; proposalId: string }> }): Promise<Metadata> {
  const { workshopId, proposalId } = await params;
  return proposalMetadata({ kind: "compare" }, workshopId, proposalId);
}

/** The selects list at most this many versions (newest first); the two compared are always in. */
const MAX_OPTIONS = 1000;
const LIST_PAGE = 200; // listVersions' own upper bound per page

type Props = {
  params: Promise<{ workshopId: string; proposalId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function versionOptions(userId: string, proposalId: string) {
  const options: TitledVersion[] = [];
  let before: number | undefined;
  do {
    const page = await listVersions({ db: db(), userId, proposalId, before, take: LIST_PAGE });
    options.push(...page.versions.map((v) => ({ number: v.number, label: v.label, round: v.round })));
    before = page.nextBefore ?? undefined;
  } while (before !== undefined && options.length < MAX_OPTIONS);
  return options;
}

export default async function ComparePage({ params, searchParams }: Props) {
  const { workshopId, proposalId } = await params;
  const query = await searchParams;
  const ctx = await loadHistoryContext(workshopId, proposalId, `/workshops/${workshopId}/proposals/${proposalId}/compare`);
  const options = await guardPage(versionOptions(ctx.user.id, proposalId));
  const newest = options[0]?.number ?? 1;
  const asked = { from: positiveInt(query.from), to: positiveInt(query.to) };
  // Nothing picked: the newest against the last version whose text differs, not merely the one
  // before it (a vote's version repeats the text saved just before the vote opened).
  const fallback = asked.from === null && asked.to === null ? await guardPage(findDefaultComparePair({ db: db(), userId: ctx.user.id, proposalId })) : null;
  const to = asked.to ?? fallback?.to ?? newest;
  const from = asked.from ?? fallback?.from ?? options[1]?.number ?? newest;
  const layout: DiffLayout = query.layout === "side" ? "side" : "inline";
  const { diff, busy } = await compareOrBusy({ db: db(), userId: ctx.user.id, proposalId, from, to });
  const zone = await viewerTimeZone();
  const [t, th] = await Promise.all([getTranslations("proposalPages"), getTranslations("history")]);
  for (const v of diff ? [diff.from, diff.to] : []) if (!options.some((o) => o.number === v.number)) options.push({ number: v.number, label: v.label });
  options.sort((a, b) => b.number - a.number);
  // The selects' titles (a vote's version by its round) for the headings too.
  const titleOf = (v: { number: number; label: string | null }) => versionTitle(options.find((o) => o.number === v.number) ?? v, th);

  const delegations = new Map(ctx.delegations.map((d) => [d.id, d]));
  // What happened to brackets and statuses between the two versions' saving, in order.
  const span = diff ? [new Date(diff.from.createdAt), new Date(diff.to.createdAt)].sort((a, b) => a.getTime() - b.getTime()) : null;
  const drafting = span && span[0]!.getTime() !== span[1]!.getTime() ? await guardPage(listDraftingEvents({ db: db(), userId: ctx.user.id, proposalId, since: span[0], until: span[1] })) : null;
  const path = `${ctx.basePath}/compare`;
  const hrefFor = (l: DiffLayout) => `${path}?from=${from}&to=${to}${l === "side" ? "&layout=side" : ""}`;

  return (
    <div className="space-y-6">
      <div>
        <HistoryBreadcrumb crumbs={historyTrail(ctx, workshopId, th("breadcrumb.history"), t("compare.crumb"))} />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("compare.heading")}</h1>
        <p className="mt-1 text-slate-600">{ctx.proposal.title}</p>
      </div>

      <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <CompareForm action={path} options={options} from={from} to={to} layout={layout} />
      </div>

      {busy !== null && <CompareBusyNotice error={busy} />}
      {diff && (
        <div className="space-y-4">
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold">
              {titleOf(diff.from)} <span className="font-normal text-slate-500">→</span> {titleOf(diff.to)}
            </h2>
            <div className="flex flex-wrap items-center gap-2">
              <LayoutToggle layout={layout} hrefs={{ inline: hrefFor("inline"), side: hrefFor("side") }} />
              {/* Tracked changes from one version to the other, for Word or on paper. */}
              {diff.from.number !== diff.to.number && (
                <DownloadMenu
                  label={t("compare.downloadRedline")}
                  title={t("compare.redlineTitle", { from: diff.from.number, to: diff.to.number })}
                  target={{ kind: "redline", proposalId, from: diff.from.number, to: diff.to.number }}
                />
              )}
            </div>
          </div>
          <p className="text-sm text-slate-600">
            {t.rich(diff.to.number !== diff.from.number ? "compare.savedTwo" : "compare.savedOne", {
              from: diff.from.number,
              to: diff.to.number,
              fromTime: () => <LocalTime at={diff.from.createdAt} zone={zone} className="tabular-nums" />,
              toTime: () => <LocalTime at={diff.to.createdAt} zone={zone} className="tabular-nums" />,
            })}
          </p>
          {from === to && <p className="text-sm text-slate-600">{t("compare.sameVersion")}</p>}
          {fallback?.isIdentical && from !== to && <p className="text-sm text-slate-600">{t("compare.noEarlierDifferent")}</p>}
          <CompareLevelNotice level={diff.level} />
          {/* No word counts when the diff worker never answered (server/compute/diff-pool.ts); the notice stands in. */}
          {diff.stats && <DiffLegend parts={diff.parts} stats={diff.stats} delegations={delegations} />}
          <DiffView parts={diff.parts} level={diff.level} delegations={delegations} layout={layout} fromTitle={titleOf(diff.from)} toTitle={titleOf(diff.to)} />
          {drafting && (
            <DraftingEvents
              events={drafting.events}
              isCut={drafting.isCut}
              delegations={delegations}
              zone={zone}
              heading={t("compare.draftingHeading")}
              empty={t("compare.draftingEmpty")}
            />
          )}
        </div>
      )}
    </div>
  );
}
