// How votes are put into words, the same on every screen (panel, record, audit log).
import type { BallotChoice, VoteRule } from "@/lib/domain/vocabulary";
import type { LiveRound } from "@/lib/protocol";

// The names the vote components know these by.
export type Rule = VoteRule;
export type Choice = BallotChoice;
export type Tally = NonNullable<LiveRound["tally"]>;
export type Delegation = { id: string; name: string; code: string; colour: string };

export const RULE_LABEL: Record<Rule, string> = { CONSENSUS: "Consensus", MAJORITY: "Simple majority", TWO_THIRDS: "Two-thirds" };

/** What each rule asks, in one line the chair can read out. */
export const RULE_HINT: Record<Rule, string> = {
  CONSENSUS: "Adopted if the quorum is met, no delegation votes No and at least one votes Yes.",
  MAJORITY: "Adopted if the quorum is met and Yes outnumber No.",
  TWO_THIRDS: "Adopted if the quorum is met and at least two thirds of Yes and No ballots are Yes.",
};

export const CHOICE_LABEL: Record<Choice, string> = { YES: "Yes", NO: "No", ABSTAIN: "Abstain" };

export function ruleLabel(rule: string): string {
  return RULE_LABEL[rule as Rule] ?? rule;
}

/** Why a round ended as it did, in a sentence (abstentions count towards the quorum only). */
export function reasonInWords(t: Tally, rule: Rule): string {
  switch (t.reason) {
    case "ADOPTED":
      if (rule === "CONSENSUS") return "No delegation objected and at least one supported the text.";
      if (rule === "MAJORITY") return `Yes (${t.yes}) outnumbered No (${t.no}).`;
      return `Yes (${t.yes}) reached two thirds of the ${t.yes + t.no} Yes and No ballots.`;
    case "NO_QUORUM":
      return `The quorum was not met: ${t.cast} of the ${t.quorum} required ballots were cast.`;
    case "OBJECTION":
      return `No consensus: ${t.no === 1 ? "one delegation" : `${t.no} delegations`} voted No.`;
    case "NO_SUPPORT":
      return "No delegation voted Yes.";
    case "NOT_ENOUGH_YES":
      return rule === "TWO_THIRDS"
        ? `Yes (${t.yes}) fell short of two thirds of the ${t.yes + t.no} Yes and No ballots.`
        : `Yes (${t.yes}) did not outnumber No (${t.no}).`;
    default:
      return "";
  }
}

export function countsInWords(t: Tally): string {
  return `Yes ${t.yes} · No ${t.no} · Abstain ${t.abstain}`;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
