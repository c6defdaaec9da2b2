"use client";
// The round in progress, for everyone: what is asked, under which rule, who has voted so far;
// delegates get their delegation's ballot below it.
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { useViewerZone } from "@/components/ui/viewer-zone";
import type { LiveRound } from "@/lib/protocol";
import { BallotForm, type CastBallot } from "./ballot-form";
import { VotedList } from "./voted-list";
import { ruleHint, ruleName, type Delegation } from "./vote-words";

type Props = {
  round: LiveRound;
  delegations: Delegation[];
  /** The viewer's delegation when they may cast its ballot. */
  voter: Delegation | null;
  cast: CastBallot;
};

export function OpenRound({ round, delegations, voter, cast }: Props) {
  const zone = useViewerZone();
  const t = useTranslations("votes.openRound");
  const r = useTranslations("voteRules");
  return (
    <div className="space-y-4 rounded-md border-2 border-violet-300 bg-violet-50/50 p-4 sm:p-5">
      <div>
        <p className="text-sm font-semibold uppercase tracking-wide text-violet-800">{t("heading", { version: round.versionNumber })}</p>
        <h3 className="mt-1 text-xl font-semibold leading-snug sm:text-2xl">{round.question}</h3>
        <dl className="mt-2 flex flex-wrap gap-x-6 gap-y-1 text-base">
          <div className="flex gap-1.5">
            <dt className="text-slate-600">{t("rule")}</dt>
            <dd className="font-medium">{ruleName(r, round.rule)}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-slate-600">{t("quorum")}</dt>
            <dd className="font-medium">{t("quorumBallots", { count: round.quorum })}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-slate-600">{t("ballot")}</dt>
            <dd className="font-medium">{round.isOpenBallot ? t("ballotOpen") : t("ballotSecret")}</dd>
          </div>
          <div className="flex gap-1.5">
            <dt className="text-slate-600">{t("opened")}</dt>
            <dd className="font-medium">
              <LocalTime at={round.openedAt} zone={zone} format="time" className="tabular-nums" />
            </dd>
          </div>
        </dl>
        <p className="mt-1 text-sm text-slate-600">{ruleHint(r, round.rule)}</p>
      </div>
      <div className="space-y-2">
        <p className="font-medium" aria-live="polite">
          {t("turnout", { voted: round.voted.length, delegations: delegations.length })}
        </p>
        <VotedList round={round} delegations={delegations} />
      </div>
      {voter && <BallotForm key={round.id} round={round} delegationId={voter.id} delegationName={voter.name} cast={cast} />}
    </div>
  );
}
