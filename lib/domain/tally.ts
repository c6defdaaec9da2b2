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
