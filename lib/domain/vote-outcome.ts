// How a vote round ended, in the one word the history and the record share, and how a VOTE
// version is titled: by its round and question, so two votes on one proposal never read alike.
import type { VoteStatus } from "./vocabulary.ts";

export type VoteOutcome = "VOTING" | "CANCELLED" | "ADOPTED" | "NOT_ADOPTED";

export const VOTE_OUTCOME_WORDS: Record<VoteOutcome, string> = {
  VOTING: "Voting",
  CANCELLED: "Cancelled",
  ADOPTED: "Adopted",
  NOT_ADOPTED: "Not adopted",
};

type Counts = { yes: number; no: number; abstain: number; isAdopted: boolean };

/** A closed round without a stored tally (never written so) counts as not adopted: nothing was. */
export function voteOutcome(status: VoteStatus, tally: Counts | null): VoteOutcome {
  if (status === "OPEN") return "VOTING";
  if (status === "CANCELLED") return "CANCELLED";
  return tally?.isAdopted ? "ADOPTED" : "NOT_ADOPTED";
}

/**
 * "Adopted · Yes 3 · No 1 · Abstain 0". Totals only — never who voted how, so the same words
 * serve secret and open ballots. No tally while voting (it would leak a secret ballot's trend)
 * nor for a cancelled round (nothing was counted).
 */
export function voteOutcomeInWords(status: VoteStatus, tally: Counts | null): string {
  const outcome = voteOutcome(status, tally);
  const words = VOTE_OUTCOME_WORDS[outcome];
  return status === "CLOSED" && tally ? `${words} · ${tallyInWords(tally)}` : words;
}

export function tallyInWords(t: Counts): string {
  return `Yes ${t.yes} · No ${t.no} · Abstain ${t.abstain}`;
}

/** "Round 2 — Does the workshop adopt this text?" */
export function roundTitle(round: { number: number; question: string }): string {
  return `Round ${round.number} — ${round.question}`;
}
