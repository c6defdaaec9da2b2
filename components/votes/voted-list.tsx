// Who has voted, in each delegation's colour. Always public (the secret is how, not whether);
// for an open ballot, or once a round is closed, it says how too.
import { useTranslations } from "next-intl";
import { DelegationChip } from "@/components/ui/badges";
import type { LiveRound } from "@/lib/protocol";
import { choiceName, type Delegation } from "./vote-words";

export function VotedList({ round, delegations }: { round: LiveRound; delegations: Delegation[] }) {
  const t = useTranslations("votes.votedList");
  const r = useTranslations("voteRules");
  const voted = new Set(round.voted);
  const ballotOf = new Map((round.ballots ?? []).map((b) => [b.delegationId, b]));
  return (
    <ul aria-label={t("label")} className="flex flex-wrap gap-2">
      {delegations.map((d) => {
        const hasVoted = voted.has(d.id);
        const ballot = ballotOf.get(d.id);
        return (
          <li
            key={d.id}
            className={`flex items-center gap-2 rounded-full border py-0.5 pl-0.5 pr-3 text-sm ${hasVoted ? "border-emerald-400 bg-emerald-50" : "border-dashed border-slate-300 bg-white"}`}
          >
            <DelegationChip name={d.name} code={d.code} colour={d.colour} />
            {hasVoted ? (
              <span className="font-semibold text-emerald-900">
                <span aria-hidden>✓ </span>
                {ballot ? t("votedChoice", { choice: choiceName(r, ballot.choice) }) : t("voted")}
              </span>
            ) : (
              <span className="text-slate-500">{t("notYet")}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
