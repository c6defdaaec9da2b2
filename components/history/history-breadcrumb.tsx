// Workshop / proposal / History / …: the way back to the live text is always one click.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Fragment } from "react";

type Crumb = { label: string; href?: string };

export function HistoryBreadcrumb({ crumbs }: { crumbs: readonly Crumb[] }) {
  const t = useTranslations("history");
  return (
    <nav aria-label={t("breadcrumb.label")} className="text-sm text-slate-600">
      <ol className="flex flex-wrap items-center gap-x-1.5 gap-y-1">
        {crumbs.map((c, i) => (
          <Fragment key={i}>
            {i > 0 && (
              <li aria-hidden className="text-slate-400">
                /
              </li>
            )}
            <li className="min-w-0">
              {c.href ? (
                <Link href={c.href} className="hover:underline">
                  {c.label}
                </Link>
              ) : (
                <span aria-current="page" className="text-slate-800">
                  {c.label}
                </span>
              )}
            </li>
          </Fragment>
        ))}
      </ol>
    </nav>
  );
}

/**
 * Workshop / proposal / History, then the page below History if any (the last crumb is the page
 * itself). `history`: the word "History" in the reader's language (history's breadcrumb.history).
 */
export function historyTrail(
  ctx: { workshop: { title: string }; proposal: { title: string }; basePath: string },
  workshopId: string,
  history: string,
  page?: string,
): Crumb[] {
  const trail: Crumb[] = [
    { label: ctx.workshop.title, href: `/workshops/${workshopId}` },
    { label: ctx.proposal.title, href: ctx.basePath },
  ];
  return page === undefined ? [...trail, { label: history }] : [...trail, { label: history, href: `${ctx.basePath}/history` }, { label: page }];
}
