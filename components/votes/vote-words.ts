// How votes are put into words, the same on every screen (panel, record, audit log).
// The vote components word them through the catalogues (`voteRules.*`, messages/<locale>/voteRules.json)
// with the translator helpers below; the English constants stay for the places that still use them
// (the audit log, the workshop's details form) and are what the English catalogue reads, word for word.
import { tally as count } from "@/lib/domain/tally";
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

/** A translator for the `voteRules` namespace (next-intl's `useTranslations("voteRules")`). */
export type VoteRulesT = (key: string, values?: Record<string, string | number | Date>) => string;

const RULES: readonly string[] = ["CONSENSUS", "MAJORITY", "TWO_THIRDS"];

/** The rule's name in the reader's language ("Simple majority"); an unknown rule as it is. */
export function ruleName(t: VoteRulesT, rule: string): string {
  return RULES.includes(rule) ? t(`rule.${rule}`) : rule;
}

/** What the rule asks, in one line (RULE_HINT); "" for an unknown rule. */
export function ruleHint(t: VoteRulesT, rule: string): string {
  return RULES.includes(rule) ? t(`ruleHint.${rule}`) : "";
}

/** "Yes" / "No" / "Abstain" in the reader's language (CHOICE_LABEL). */
export function choiceName(t: VoteRulesT, choice: Choice): string {
  return t(`choice.${choice}`);
}

/** "Yes 3 · No 1 · Abstain 0" (countsInWords). */
export function countsText(t: VoteRulesT, c: { yes: number; no: number; abstain: number }): string {
  return t("tally", { yes: c.yes, no: c.no, abstain: c.abstain });
}

/** Why a round ended as it did, in a sentence (reasonInWords). */
export function reasonText(t: VoteRulesT, c: Tally, rule: Rule): string {
  const total = c.yes + c.no;
  switch (c.reason) {
    case "ADOPTED":
      if (rule === "CONSENSUS") return t("reason.ADOPTED_CONSENSUS");
      if (rule === "MAJORITY") return t("reason.ADOPTED_MAJORITY", { yes: c.yes, no: c.no });
      return t("reason.ADOPTED_TWO_THIRDS", { yes: c.yes, total });
    case "NO_QUORUM":
      return t("reason.NO_QUORUM", { cast: c.cast, quorum: c.quorum });
    case "OBJECTION":
      return t("reason.OBJECTION", { no: c.no });
    case "NO_SUPPORT":
      return t("reason.NO_SUPPORT");
    case "NOT_ENOUGH_YES":
      return rule === "TWO_THIRDS" ? t("reason.NOT_ENOUGH_YES_TWO_THIRDS", { yes: c.yes, total }) : t("reason.NOT_ENOUGH_YES", { yes: c.yes, no: c.no });
    default:
      return "";
  }
}

/**
 * What closing the round now would decide, for the chair's confirmation: lib/domain/tally.ts's
 * closingConsequence in the reader's language (the English catalogue reads exactly as it does).
 */
export function closingText(
  t: VoteRulesT,
  round: { rule: Rule; quorum: number; delegations: number; cast: number; ballots: readonly Choice[] | null },
): string {
  const turnout = t("closing.turnout", { cast: round.cast, delegations: round.delegations });
  if (round.cast < round.quorum) return t("closing.noQuorum", { turnout, quorum: round.quorum });
  if (!round.ballots) return t("closing.secret", { turnout, quorum: round.quorum, rule: t(`ruleInSentence.${round.rule}`) });
  const c = count(round.rule, round.quorum, round.ballots);
  if (c.isAdopted) return t("closing.adopted", { turnout, quorum: round.quorum });
  const reason = c.reason === "NOT_ENOUGH_YES" && c.rule === "TWO_THIRDS" ? "NOT_ENOUGH_YES_TWO_THIRDS" : c.reason;
  return t("closing.notAdopted", { turnout, quorum: round.quorum, shortfall: t(`shortfall.${reason}`, { no: c.no }) });
}
