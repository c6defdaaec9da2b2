"use client";
// One finished round as the record keeps it: the outcome and why, every delegation's ballot
// and explanation, and the exact version of the text it was about (with a way to compare).
import Link from "next/link";
import { useTranslations } from "next-intl";
import { DelegationChip } from "@/components/ui/badges";
import { LocalTime } from "@/components/ui/local-time";
import { useViewerZone } from "@/components/ui/viewer-zone";
import type { LiveRound } from "@/lib/protocol";
import { isSameLocalDay } from "@/lib/time/time-format";
import { choiceName, countsText, reasonText, ruleName, type Delegation } from "./vote-words";

export type RecordRound = LiveRound & { previousVotedVersion: number | null };

const OUTCOME_STYLE = {
  adopted: "border-emerald-300 bg-emerald-50 text-emerald-900",
  rejected: "border-rose-300 bg-rose-50 text-rose-900",
  cancelled: "border-slate-300 bg-slate-100 text-slate-700",
} as const;

export function RoundRecord({ round, delegations, basePath }: { round: RecordRound; delegations: Delegation[]; basePath: string }) {
  const zone = useViewerZone();
  const tr = useTranslations("votes.record");
  const r = useTranslations("voteRules");
  const t = round.tally;
  const outcome = round.status === "CANCELLED" ? "cancelled" : t?.isAdopted ? "adopted" : "rejected";
  const ballotOf = new Map((round.ballots ?? []).map((b) => [b.delegationId, b]));
  const closedAt = round.closedAt;
  const compareFrom = round.previousVotedVersion ?? (round.versionNumber > 1 ? 1 : null);

  return (
    <article aria-label={tr("label", { question: round.question })} className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 className="text-lg font-semibold leading-snug">{round.question}</h3>
          <p className="mt-1 text-sm text-slate-600">
            {tr.rich("meta", {
              rule: ruleName(r, round.rule),
              quorum: round.quorum,
              ballot: round.isOpenBallot ? "open" : "secret",
              time: () => <LocalTime at={round.openedAt} zone={zone} className="tabular-nums" />,
            })}
            {closedAt && (
              <>
                {" "}
                {tr.rich("ended", {
                  status: round.status,
                  time: () => (
                    <LocalTime
                      at={closedAt}
                      zone={zone}
                      format={isSameLocalDay(round.openedAt, closedAt, zone) ? "time" : "date-time"}
                      className="tabular-nums"
                    />
                  ),
                })}
              </>
            )}
          </p>
        </div>
        <p className={`rounded-md border px-4 py-2 text-xl font-bold ${OUTCOME_STYLE[outcome]}`}>
          {tr(`outcome.${outcome}`)}
        </p>
      </div>

      {t && (
        <div className="space-y-1">
          <p className="text-base font-medium tabular-nums">
            {countsText(r, t)} <span className="text-slate-500">{tr("cast", { cast: t.cast, quorum: t.quorum, isQuorate: t.isQuorate ? "yes" : "no" })}</span>
          </p>
          <p className="text-slate-700">{reasonText(r, t, round.rule)}</p>
        </div>
      )}

      <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
        <span className="font-medium text-slate-800">
          {round.status === "CANCELLED" ? tr("putToVoteOn", { version: round.versionNumber }) : tr("votedOn", { version: round.versionNumber })}
        </span>
        <Link href={`${basePath}/history/${round.versionNumber}`} className="text-sky-800 underline hover:text-sky-950">
          {tr("viewVersion", { version: round.versionNumber })}
        </Link>
        {compareFrom !== null && (
          <Link href={`${basePath}/compare?from=${compareFrom}&to=${round.versionNumber}`} className="text-sky-800 underline hover:text-sky-950">
            {round.previousVotedVersion !== null ? tr("comparePrevious") : tr("compareWith", { version: compareFrom })}
          </Link>
        )}
      </p>

      {/* A secret ballot shows only its totals, ever — after the close too (the ballot form says so). */}
      {round.status === "CLOSED" && !round.isOpenBallot && <p className="text-sm text-slate-700">{tr("secretTotals")}</p>}
      {round.status === "CLOSED" && round.isOpenBallot && (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{tr("caption")}</caption>
          <thead className="text-slate-500">
            <tr>
              <th scope="col" className="w-56 py-1.5 pr-4 font-medium">{tr("delegation")}</th>
              <th scope="col" className="w-28 py-1.5 pr-4 font-medium">{tr("ballot")}</th>
              <th scope="col" className="py-1.5 font-medium">{tr("explanation")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {delegations.map((d) => {
              const b = ballotOf.get(d.id);
              return (
                <tr key={d.id} className="align-top">
                  <td className="py-2 pr-4">
                    <DelegationChip name={d.name} code={d.code} colour={d.colour} />
                  </td>
                  <td className="py-2 pr-4 font-semibold">{b ? choiceName(r, b.choice) : <span className="font-normal text-slate-500">{tr("didNotVote")}</span>}</td>
                  <td className="py-2 text-slate-700">{b?.explanation ?? ""}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </article>
  );
}
