// Counting a vote round. Pure: the same ballots always give the same result.
//
// Rules (one ballot per delegation; abstentions count towards the quorum, not the decision):
// - CONSENSUS: adopted when the quorum is met, nobody objects (no "No"), and someone supports.
// - MAJORITY: adopted when the quorum is met and Yes outnumber No (a tie is not a majority).
// - TWO_THIRDS: adopted when the quorum is met and Yes are at least two thirds of Yes + No.

import type { BallotChoice, VoteRule } from "./vocabulary.ts";

export type Tally = {
  rule: VoteRule;
  quorum: number;
  yes: number;
  no: number;
  abstain: number;
  cast: number;
  isQuorate: boolean;
  isAdopted: boolean;
  /** Why, in one word a record can show. */
  reason: "ADOPTED" | "NO_QUORUM" | "OBJECTION" | "NO_SUPPORT" | "NOT_ENOUGH_YES";
};

export function tally(rule: VoteRule, quorum: number, ballots: readonly BallotChoice[]): Tally {
  const yes = ballots.filter((b) => b === "YES").length;
  const no = ballots.filter((b) => b === "NO").length;
  const abstain = ballots.filter((b) => b === "ABSTAIN").length;
  const cast = ballots.length;
  const isQuorate = cast >= quorum;
  const base = { rule, quorum, yes, no, abstain, cast, isQuorate };
  if (!isQuorate) return { ...base, isAdopted: false, reason: "NO_QUORUM" };
  switch (rule) {
    case "CONSENSUS":
      if (no > 0) return { ...base, isAdopted: false, reason: "OBJECTION" };
      if (yes === 0) return { ...base, isAdopted: false, reason: "NO_SUPPORT" };
      return { ...base, isAdopted: true, reason: "ADOPTED" };
    case "MAJORITY":
      return yes > no ? { ...base, isAdopted: true, reason: "ADOPTED" } : { ...base, isAdopted: false, reason: yes === 0 ? "NO_SUPPORT" : "NOT_ENOUGH_YES" };
    case "TWO_THIRDS":
      // Integers only: 3·yes ≥ 2·(yes + no), with at least one yes.
      if (yes > 0 && 3 * yes >= 2 * (yes + no)) return { ...base, isAdopted: true, reason: "ADOPTED" };
      return { ...base, isAdopted: false, reason: yes === 0 ? "NO_SUPPORT" : "NOT_ENOUGH_YES" };
  }
}

const RULE_NAME: Record<VoteRule, string> = { CONSENSUS: "consensus", MAJORITY: "simple majority", TWO_THIRDS: "two-thirds" };

/** Why a count does not adopt, short enough to follow "Not adopted – ". */
function shortfall(t: Tally): string {
  switch (t.reason) {
    case "NO_QUORUM":
      return "quorum not met";
    case "OBJECTION":
      return t.no === 1 ? "one delegation objects" : `${t.no} delegations object`;
    case "NO_SUPPORT":
      return "no delegation voted Yes";
    case "NOT_ENOUGH_YES":
      return t.rule === "TWO_THIRDS" ? "Yes fall short of two thirds" : "Yes do not outnumber No";
    case "ADOPTED":
      return "";
  }
}

/**
 * What closing the round now would decide, in the rule's own terms, for the chair's
 * confirmation: "3 of 5 delegations have voted. Quorum is 4: closing now gives Not adopted –
 * quorum not met." `ballots` are the choices when the chair may see them (an open ballot);
 * null for a secret ballot, where only the quorum can be foretold.
 */
export function closingConsequence(round: {
  rule: VoteRule;
  quorum: number;
  delegations: number;
  cast: number;
  ballots: readonly BallotChoice[] | null;
}): string {
  const turnout = `${round.cast} of ${round.delegations} ${round.delegations === 1 ? "delegation" : "delegations"} ${round.cast === 1 ? "has" : "have"} voted.`;
  if (round.cast < round.quorum) return `${turnout} Quorum is ${round.quorum}: closing now gives Not adopted – quorum not met.`;
  if (!round.ballots) {
    return `${turnout} Quorum is ${round.quorum} and met: closing now counts the secret ballots by ${RULE_NAME[round.rule]} and the result is final.`;
  }
  const t = tally(round.rule, round.quorum, round.ballots);
  const outcome = t.isAdopted ? "Adopted" : `Not adopted – ${shortfall(t)}`;
  return `${turnout} Quorum is ${round.quorum} and met: closing now gives ${outcome}.`;
}
