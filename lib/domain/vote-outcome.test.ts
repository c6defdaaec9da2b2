import { describe, expect, it } from "vitest";
import type { VoteStatus } from "./vocabulary";
import { roundTitle, voteOutcome, voteOutcomeInWords } from "./vote-outcome";

const t = (yes: number, no: number, abstain: number, isAdopted: boolean) => ({ yes, no, abstain, isAdopted });

// status, tally, outcome, words
const rows: Array<[VoteStatus, ReturnType<typeof t> | null, string, string]> = [
  ["OPEN", null, "VOTING", "Voting"],
  // A tally on an open round is never shown (it would leak a secret ballot's trend).
  ["OPEN", t(2, 0, 0, true), "VOTING", "Voting"],
  ["CANCELLED", null, "CANCELLED", "Cancelled"],
  ["CLOSED", t(3, 1, 0, true), "ADOPTED", "Adopted · Yes 3 · No 1 · Abstain 0"],
  ["CLOSED", t(1, 1, 2, false), "NOT_ADOPTED", "Not adopted · Yes 1 · No 1 · Abstain 2"],
  ["CLOSED", t(0, 0, 0, false), "NOT_ADOPTED", "Not adopted · Yes 0 · No 0 · Abstain 0"],
  ["CLOSED", null, "NOT_ADOPTED", "Not adopted"],
];

describe("voteOutcome", () => {
  it.each(rows)("%s with %j → %s, “%s”", (status, tally, outcome, words) => {
    expect(voteOutcome(status, tally)).toBe(outcome);
    expect(voteOutcomeInWords(status, tally)).toBe(words);
  });

  it("titles a round by its number and question", () => {
    expect(roundTitle({ number: 2, question: "Does the workshop adopt this text?" })).toBe("Round 2 — Does the workshop adopt this text?");
  });
});
