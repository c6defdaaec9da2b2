import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { WorkshopPageHeader } from "@/components/ui/workshop-page-header";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getWorkshopOverview } from "@/server/services/workshop/get-workshop-overview";
import { listAuditEvents } from "@/server/services/audit/list-audit-events";
import { buttonSecondary } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";
import { actionInWords, detailInWords } from "./audit-wording";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit.page");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ workshopId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === "string" && v !== "" ? v : undefined);

export default async function AuditPage({ params, searchParams }: Props) {
  const { workshopId } = await params;
  const query = await searchParams;
  const user = await requireUser(`/workshops/${workshopId}/audit`);
  const proposalId = one(query.proposal);
  const before = one(query.before);
  // The log first: anyone but the chair gets 403 before anything else is loaded.
  const { events, nextAfter: nextBefore } = await guardPage(listAuditEvents({ db: db(), userId: user.id, workshopId, proposalId, after: before }));
  const { workshop, proposals, delegations } = await guardPage(getWorkshopOverview({ db: db(), userId: user.id, workshopId }));
  const zone = await viewerTimeZone();
  const t = await getTranslations("audit");
  const titles = new Map(proposals.map((p) => [p.id, p.title]));
  const delegationNames = new Map(delegations.map((d) => [d.id, d.name]));
  const names = { delegation: (id: unknown) => (typeof id === "string" ? (delegationNames.get(id) ?? t("words.removedDelegation")) : "") };
  const olderHref = nextBefore ? `?${new URLSearchParams({ ...(proposalId ? { proposal: proposalId } : {}), before: nextBefore })}` : null;

  return (
    <div className="space-y-6">
      <WorkshopPageHeader workshop={workshop} title={t("page.title")}>
        <p className="mt-2 max-w-3xl text-slate-600">{t("page.intro")}</p>
      </WorkshopPageHeader>

      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="space-y-1">
          <label htmlFor="audit-proposal" className="block text-sm font-medium text-slate-800">
            {t("page.proposal")}
          </label>
          <select id="audit-proposal" name="proposal" defaultValue={proposalId ?? ""} className="block w-full max-w-md rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm">
            <option value="">{t("page.allProposals")}</option>
            {proposals.map((p) => (
              <option key={p.id} value={p.id}>
                {p.title}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={`${buttonSecondary} py-2`}>
          {t("page.filter")}
        </button>
      </form>

      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
        <table className="w-full min-w-[48rem] text-left text-sm">
          <caption className="sr-only">
            {proposalId ? t("page.captionFor", { proposal: titles.get(proposalId) ?? t("page.chosenProposal") }) : t("page.caption")}
          </caption>
          <thead className="border-b border-slate-200 bg-slate-50 text-slate-600">
            <tr>
              <th scope="col" className="px-4 py-2.5 font-medium">{t("page.time")}</th>
              <th scope="col" className="px-4 py-2.5 font-medium">{t("page.actor")}</th>
              <th scope="col" className="px-4 py-2.5 font-medium">{t("page.action")}</th>
              <th scope="col" className="px-4 py-2.5 font-medium">{t("page.proposal")}</th>
              <th scope="col" className="px-4 py-2.5 font-medium">{t("page.details")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {events.map((e) => (
              <tr key={e.id} className="align-top">
                <td className="whitespace-nowrap px-4 py-2.5 tabular-nums text-slate-600">
                  <LocalTime at={e.createdAt} zone={zone} />
                </td>
                <td className="whitespace-nowrap px-4 py-2.5">{e.actor}</td>
                <td className="whitespace-nowrap px-4 py-2.5 font-medium">{actionInWords(e.action, e.proposalId, e.detail, names, t)}</td>
                <td className="px-4 py-2.5">{e.proposalId ? (titles.get(e.proposalId) ?? "—") : "—"}</td>
                <td className="px-4 py-2.5 text-slate-700">{detailInWords(e.action, e.detail, names, t)}</td>
              </tr>
            ))}
            {events.length === 0 && (
              <tr>
                <td colSpan={5} className="px-4 py-6 text-center text-slate-600">
                  {before ? t("page.noEventsBefore") : t("page.noEvents")}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>

      <div className="flex flex-wrap gap-3">
        {before && (
          <Link href={proposalId ? `?proposal=${encodeURIComponent(proposalId)}` : "?"} className={buttonSecondary}>
            {t("page.newest")}
          </Link>
        )}
        {olderHref && (
          <Link href={olderHref} className={buttonSecondary}>
            {t("page.older")}
          </Link>
        )}
      </div>
    </div>
  );
}
