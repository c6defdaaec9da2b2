import { describe, expect, it } from "vitest";
import { tally } from "./tally";
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
