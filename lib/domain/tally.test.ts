import { describe, expect, it } from "vitest";
import { closingConsequence, tally } from "./tally";
import type { BallotChoice as Choice, VoteRule } from "./vocabulary";

const b = (spec: string): Choice[] => [...spec].map((c) => ({ Y: "YES", N: "NO", A: "ABSTAIN" })[c] as Choice);

// rule, quorum, ballots (Y/N/A per delegation), adopted, reason
const rows: Array<[VoteRule, number, string, boolean, string]> = [
  // consensus
  ["CONSENSUS", 3, "YYYY", true, "ADOPTED"],
  ["CONSENSUS", 3, "YYYN", false, "OBJECTION"],
  ["CONSENSUS", 3, "YYA", true, "ADOPTED"],
  ["CONSENSUS", 3, "YA", false, "NO_QUORUM"],
  ["CONSENSUS", 3, "AAA", false, "NO_SUPPORT"],
  ["CONSENSUS", 0, "", false, "NO_SUPPORT"],
  ["CONSENSUS", 4, "", false, "NO_QUORUM"],
  ["CONSENSUS", 1, "N", false, "OBJECTION"],
  ["CONSENSUS", 4, "YYYN", false, "OBJECTION"],
  // simple majority
  ["MAJORITY", 3, "YYN", true, "ADOPTED"],
  ["MAJORITY", 3, "YYNN", false, "NOT_ENOUGH_YES"], // tie
  ["MAJORITY", 3, "YNAA", false, "NOT_ENOUGH_YES"], // tie with abstentions
  ["MAJORITY", 3, "YAA", true, "ADOPTED"], // abstentions do not count against
  ["MAJORITY", 3, "NAA", false, "NO_SUPPORT"],
  ["MAJORITY", 3, "AAA", false, "NO_SUPPORT"],
  ["MAJORITY", 5, "YYYY", false, "NO_QUORUM"],
  ["MAJORITY", 0, "", false, "NO_SUPPORT"],
  // two thirds
  ["TWO_THIRDS", 3, "YYN", true, "ADOPTED"], // exactly 2/3
  ["TWO_THIRDS", 3, "YYNN", false, "NOT_ENOUGH_YES"],
  ["TWO_THIRDS", 4, "YYYN", true, "ADOPTED"],
  ["TWO_THIRDS", 5, "YYYNN", false, "NOT_ENOUGH_YES"], // 3/5 < 2/3
  ["TWO_THIRDS", 3, "YAA", true, "ADOPTED"],
  ["TWO_THIRDS", 3, "AAA", false, "NO_SUPPORT"],
  ["TWO_THIRDS", 4, "YYN", false, "NO_QUORUM"],
  ["TWO_THIRDS", 0, "", false, "NO_SUPPORT"],
];

describe("tally", () => {
  it.each(rows)("%s quorum %i ballots '%s' → adopted %s (%s)", (rule, quorum, ballots, adopted, reason) => {
    const t = tally(rule, quorum, b(ballots));
    expect(t.isAdopted).toBe(adopted);
    expect(t.reason).toBe(reason);
  });

  it("counts every kind of ballot and the quorum", () => {
    expect(tally("MAJORITY", 4, b("YYNA"))).toEqual({
      rule: "MAJORITY",
      quorum: 4,
      yes: 2,
      no: 1,
      abstain: 1,
      cast: 4,
      isQuorate: true,
      isAdopted: true,
      reason: "ADOPTED",
    });
  });

  it("is independent of ballot order", () => {
    for (const rule of ["CONSENSUS", "MAJORITY", "TWO_THIRDS"] as const) {
      expect(tally(rule, 2, b("YNYAY"))).toEqual(tally(rule, 2, b("YYYNA")));
    }
  });
});

describe("closingConsequence", () => {
  // rule, quorum, delegations, ballots ('?n' = n secret ballots), the chair's sentence
  const cases: Array<[VoteRule, number, number, string, string]> = [
    ["CONSENSUS", 4, 5, "YYY", "3 of 5 delegations have voted. Quorum is 4: closing now gives Not adopted – quorum not met."],
    ["CONSENSUS", 4, 5, "?3", "3 of 5 delegations have voted. Quorum is 4: closing now gives Not adopted – quorum not met."],
    ["CONSENSUS", 1, 5, "Y", "1 of 5 delegations has voted. Quorum is 1 and met: closing now gives Adopted."],
    ["CONSENSUS", 3, 4, "YYN", "3 of 4 delegations have voted. Quorum is 3 and met: closing now gives Not adopted – one delegation objects."],
    ["CONSENSUS", 3, 4, "YNN", "3 of 4 delegations have voted. Quorum is 3 and met: closing now gives Not adopted – 2 delegations object."],
    ["MAJORITY", 2, 4, "AA", "2 of 4 delegations have voted. Quorum is 2 and met: closing now gives Not adopted – no delegation voted Yes."],
    ["MAJORITY", 2, 4, "YN", "2 of 4 delegations have voted. Quorum is 2 and met: closing now gives Not adopted – Yes do not outnumber No."],
    ["TWO_THIRDS", 3, 5, "YYYNN", "5 of 5 delegations have voted. Quorum is 3 and met: closing now gives Not adopted – Yes fall short of two thirds."],
    ["TWO_THIRDS", 3, 5, "YYN", "3 of 5 delegations have voted. Quorum is 3 and met: closing now gives Adopted."],
    ["MAJORITY", 2, 4, "?3", "3 of 4 delegations have voted. Quorum is 2 and met: closing now counts the secret ballots by simple majority and the result is final."],
    ["CONSENSUS", 0, 1, "", "0 of 1 delegation have voted. Quorum is 0 and met: closing now gives Not adopted – no delegation voted Yes."],
  ];
  it.each(cases)("%s quorum %i of %i, ballots '%s'", (rule, quorum, delegations, spec, sentence) => {
    const isSecret = spec.startsWith("?");
    const cast = isSecret ? Number(spec.slice(1)) : spec.length;
    expect(closingConsequence({ rule, quorum, delegations, cast, ballots: isSecret ? null : b(spec) })).toBe(sentence);
  });
});
