// What the marks mean, with the delegations that actually wrote something in this comparison,
// and how much changed — the first thing a chair reads out.
import { useTranslations } from "next-intl";
import type { DiffPart } from "@/lib/domain/text-diff";
import type { DelegationInfo } from "./contributor-chips";
import { Deletion, Insertion } from "./diff-marks";
import type { HistoryT } from "./version-title";

type Props = {
  parts: readonly DiffPart[];
  stats: { inserted: number; deleted: number };
  delegations: ReadonlyMap<string, DelegationInfo>;
};

export function diffSummary(stats: { inserted: number; deleted: number }, t: HistoryT): string {
  if (stats.inserted === 0 && stats.deleted === 0) return t("diffLegend.noDifferences");
  return t("diffLegend.summary", { inserted: stats.inserted, deleted: stats.deleted });
}

export function DiffLegend({ parts, stats, delegations }: Props) {
  const t = useTranslations("history");
  const authors = new Set<string | null>();
  for (const p of parts) if (p.kind === "insert") authors.add(p.author && delegations.has(p.author) ? p.author : null);
  const writers = [...delegations.values()].filter((d) => authors.has(d.id));
  const hasUnattributed = authors.has(null);
  const sample = t("diffLegend.sample");

  return (
    <div className="flex flex-col gap-2 rounded-lg border border-slate-200 bg-white px-4 py-3 text-sm shadow-sm lg:flex-row lg:items-center lg:justify-between lg:gap-6">
      <p className="text-base font-semibold text-slate-800 lg:shrink-0">{diffSummary(stats, t)}</p>
      <ul aria-label={t("diffLegend.label")} className="flex flex-wrap items-center gap-x-4 gap-y-2 text-slate-700">
        {writers.map((d) => (
          <li key={d.id} className="flex items-center gap-1.5">
            <span aria-hidden className="font-serif">
              <Insertion text={sample} delegation={d} />
            </span>
            <span>{t.rich("diffLegend.insertedBy", { name: d.name, who: (chunks) => <span className="font-medium">{chunks}</span> })}</span>
          </li>
        ))}
        {hasUnattributed && (
          <li className="flex items-center gap-1.5">
            <span aria-hidden className="font-serif">
              <Insertion text={sample} delegation={undefined} />
            </span>
            <span>{t("diffLegend.insertedUnattributed")}</span>
          </li>
        )}
        <li className="flex items-center gap-1.5">
          <span aria-hidden className="font-serif">
            <Deletion text={sample} />
          </span>
          <span>{t("diffLegend.deleted")}</span>
        </li>
      </ul>
    </div>
  );
}
