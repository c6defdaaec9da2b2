// The proposal's versions, newest first, as a quiet timeline: number and label to read from
// the back of a room, then how, when, by whom, and which delegations wrote in it.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ContributorChips, type DelegationInfo } from "./contributor-chips";
import { VersionKindBadge } from "./version-kind-badge";
import { LocalTime } from "@/components/ui/local-time";
import { voteOutcome, type VoteOutcome } from "@/lib/domain/vote-outcome";
import type { VoteStatus } from "@/lib/domain/vocabulary";
import { versionTitleParts, type HistoryT } from "./version-title";

export type VersionSummary = {
  id: string;
  number: number;
  kind: string;
  label: string | null;
  contributors: string[];
  author: string | null;
  createdAt: string;
  /** For a VOTE version: the round it was cut for and how it ended. */
  round?: {
    number: number;
    question: string;
    status: VoteStatus;
    tally: { yes: number; no: number; abstain: number; isAdopted: boolean } | null;
  } | null;
};

const OUTCOME_STYLE: Record<VoteOutcome, string> = {
  VOTING: "bg-violet-50 text-violet-900 ring-violet-200",
  ADOPTED: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  NOT_ADOPTED: "bg-rose-50 text-rose-900 ring-rose-200",
  CANCELLED: "bg-slate-100 text-slate-700 ring-slate-200",
};

type Props = {
  versions: readonly VersionSummary[];
  delegations: ReadonlyMap<string, DelegationInfo>;
  basePath: string;
  /** Number of the newest version of all (not just of this page). */
  latestNumber: number | null;
  /** The viewer's IANA zone (viewerTimeZone()). */
  zone: string;
};

type Round = NonNullable<VersionSummary["round"]>;

/**
 * "Adopted · Yes 3 · No 1 · Abstain 0". Totals only — never who voted how, so the same words
 * serve secret and open ballots. No tally while voting nor for a cancelled round.
 */
function outcomeInWords(round: Round, t: HistoryT): string {
  const words = t(`outcome.${voteOutcome(round.status, round.tally)}`);
  return round.status === "CLOSED" && round.tally ? `${words} · ${t("tally", { yes: round.tally.yes, no: round.tally.no, abstain: round.tally.abstain })}` : words;
}

export function VersionList({ versions, delegations, basePath, latestNumber, zone }: Props) {
  const t = useTranslations("history");
  if (versions.length === 0) return <p className="text-slate-600">{t("versionList.empty")}</p>;
  return (
    <ol className="relative space-y-3 border-l-2 border-slate-200 pl-5 sm:pl-6">
      {versions.map((v) => (
        <li key={v.id} className="relative">
          <span
            aria-hidden
            className={`absolute -left-[1.95rem] top-5 h-3 w-3 rounded-full ring-4 ring-slate-50 sm:-left-[2.2rem] ${v.number === latestNumber ? "bg-sky-600" : "bg-slate-300"}`}
          />
          <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm sm:px-5">
            <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
              <Link href={`${basePath}/history/${v.number}`} className="group text-lg leading-snug text-sky-800">
                <VersionLinkText v={v} />
              </Link>
              <LocalTime at={v.createdAt} zone={zone} className="text-sm tabular-nums text-slate-600" />
            </div>
            <div className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600">
              <VersionKindBadge kind={v.kind} />
              {v.number === latestNumber && <span className="text-xs font-semibold uppercase tracking-wide text-sky-700">{t("versionList.latest")}</span>}
              {v.author && <span>{t("versionList.by", { author: v.author })}</span>}
              <ContributorChips ids={v.contributors} delegations={delegations} />
            </div>
            {v.round && (
              <p className={`mt-2 inline-flex rounded-md px-2.5 py-1 text-sm font-medium tabular-nums ring-1 ring-inset ${OUTCOME_STYLE[voteOutcome(v.round.status, v.round.tally)]}`}>
                {outcomeInWords(v.round, t)}
              </p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}

/** The title in two weights: the number (and a vote's round) bold, the label or question lighter. */
function VersionLinkText({ v }: { v: VersionSummary }) {
  const t = useTranslations("history");
  const { head, rest } = versionTitleParts(v, t);
  if (rest === null) return <span className="font-semibold group-hover:underline">{head}</span>;
  return (
    <>
      <span className="font-semibold group-hover:underline">{head}</span>
      <span className="text-slate-400"> — </span>
      <span className="font-medium text-slate-900 group-hover:underline">{rest}</span>
    </>
  );
}
