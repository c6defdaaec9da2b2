// The vote words in the catalogues read, in English, exactly as the domain's own English does
// (lib/domain/tally.ts, vote-outcome.ts, and the English constants here), and every language
// formats every case without a missing key or argument.
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { closingConsequence, tally } from "@/lib/domain/tally";
import { VOTE_OUTCOME_WORDS, roundTitle, tallyInWords, voteOutcomeInWords } from "@/lib/domain/vote-outcome";
import { BALLOT_CHOICES, type BallotChoice, type VoteRule } from "@/lib/domain/vocabulary";
import { LOCALES } from "@/lib/i18n/locales";
import { readCatalogue } from "@/lib/i18n/messages";
import { CHOICE_LABEL, RULE_HINT, RULE_LABEL, choiceName, closingText, countsText, reasonInWords, reasonText, ruleHint, ruleName, type VoteRulesT } from "./vote-words";
import { countdownInWords } from "./lock-countdown";

const RULES: VoteRule[] = ["CONSENSUS", "MAJORITY", "TWO_THIRDS"];

function translators(locale: (typeof LOCALES)[number]) {
  const messages = readCatalogue(locale);
  const onError = (e: Error) => {
    throw e;
  };
  return {
    r: createTranslator({ locale, messages, namespace: "voteRules", onError }) as unknown as VoteRulesT,
    v: createTranslator({ locale, messages, namespace: "votes", onError }) as unknown as VoteRulesT,
  };
}

/** Every mix of up to `n` ballots. */
function ballotSets(n: number): BallotChoice[][] {
  const out: BallotChoice[][] = [[]];
  for (let i = 0; i < n; i++) for (const set of [...out]) if (set.length === i) for (const c of BALLOT_CHOICES) out.push([...set, c]);
  return out;
}

describe("vote words in English", () => {
  const { r, v } = translators("en");

  it("names rules, hints and choices as the English constants do", () => {
    for (const rule of RULES) {
      expect(ruleName(r, rule)).toBe(RULE_LABEL[rule]);
      expect(ruleHint(r, rule)).toBe(RULE_HINT[rule]);
    }
    for (const c of BALLOT_CHOICES) expect(choiceName(r, c)).toBe(CHOICE_LABEL[c]);
  });

  it("outcomes, tallies and round titles read as lib/domain/vote-outcome.ts's", () => {
    for (const [k, words] of Object.entries(VOTE_OUTCOME_WORDS)) expect(r(`outcome.${k}`)).toBe(words);
    const c = { yes: 3, no: 1, abstain: 0, isAdopted: true };
    expect(countsText(r, c)).toBe(tallyInWords(c));
    expect(r("outcomeWithTally", { outcome: r("outcome.ADOPTED"), tally: countsText(r, c) })).toBe(voteOutcomeInWords("CLOSED", c));
    expect(r("roundTitle", { number: 2, question: "Does the workshop adopt this text?" })).toBe(roundTitle({ number: 2, question: "Does the workshop adopt this text?" }));
  });

  it("the reasons and the closing consequence read as before, for every count", () => {
    for (const rule of RULES)
      for (const ballots of ballotSets(4))
        for (const quorum of [0, 1, 2, 3, 4])
          for (const delegations of [1, 4, 5]) {
            const count = tally(rule, quorum, ballots);
            expect(reasonText(r, count, rule)).toBe(reasonInWords(count, rule));
            for (const secret of [false, true]) {
              const round = { rule, quorum, delegations, cast: ballots.length, ballots: secret ? null : ballots };
              expect(closingText(r, round)).toBe(closingConsequence(round));
            }
          }
  });

  it("the countdown reads as before", () => {
    for (const s of [0, 1, 27, 60, 90]) expect(countdownInWords(s, v)).toBe(countdownInWords(s));
  });
});

describe("vote words in every language", () => {
  for (const locale of LOCALES) {
    it(`${locale}: every case formats`, () => {
      const { r, v } = translators(locale);
      for (const rule of RULES)
        for (const ballots of ballotSets(3)) {
          const count = tally(rule, 2, ballots);
          expect(reasonText(r, count, rule)).not.toBe("");
          for (const secret of [false, true]) expect(closingText(r, { rule, quorum: 2, delegations: 4, cast: ballots.length, ballots: secret ? null : ballots })).not.toMatch(/voteRules\./);
        }
      for (const s of [0, 5]) expect(countdownInWords(s, v)).not.toMatch(/countdown\./);
    });
  }
});
