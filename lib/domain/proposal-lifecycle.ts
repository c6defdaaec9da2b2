// The proposal's life: DRAFTING ⇄ LOCKED, → VOTING (text frozen), VOTING → ADOPTED or back to
// the state it was in before the vote (not adopted / cancelled: a locked text stays locked, so
// a failed vote never silently reopens drafting), and any open state → WITHDRAWN. Pure.
import type { ProposalState } from "./access.ts";

export type Transition = "lock" | "unlock" | "openVote" | "adopt" | "reject" | "cancelVote" | "withdraw";
/** The moves the chair makes directly (the others come with a vote's opening, close or cancel). */
export const CHAIR_STATE_CHANGES = ["lock", "unlock", "withdraw"] as const satisfies readonly Transition[];
export type ChairStateChange = (typeof CHAIR_STATE_CHANGES)[number];
/** "Lock in 30 s": the countdowns the chair may give delegates to finish a sentence. */
export const LOCK_COUNTDOWN_SECONDS = [30, 60] as const;
export type LockCountdown = (typeof LOCK_COUNTDOWN_SECONDS)[number];

/** Where a vote that does not adopt (or is cancelled) leaves the proposal: where it was before. */
const BEFORE_VOTE = "BEFORE_VOTE";

const TRANSITIONS: Record<Transition, { from: readonly ProposalState[]; to: ProposalState | typeof BEFORE_VOTE }> = {
  lock: { from: ["DRAFTING"], to: "LOCKED" },
  unlock: { from: ["LOCKED"], to: "DRAFTING" },
  openVote: { from: ["DRAFTING", "LOCKED"], to: "VOTING" },
  adopt: { from: ["VOTING"], to: "ADOPTED" },
  reject: { from: ["VOTING"], to: BEFORE_VOTE },
  cancelVote: { from: ["VOTING"], to: BEFORE_VOTE },
  withdraw: { from: ["DRAFTING", "LOCKED", "VOTING"], to: "WITHDRAWN" },
};

/**
 * The state after `transition`, or null when it is not allowed from `state`. `stateBeforeVote`
 * is the state the open round recorded (VoteRound.stateBefore); only a state a vote may open
 * from counts — anything else (rounds recorded before it was kept) falls back to DRAFTING.
 */
export function nextState(state: ProposalState, transition: Transition, stateBeforeVote: ProposalState = "DRAFTING"): ProposalState | null {
  const t = TRANSITIONS[transition];
  if (!t.from.includes(state)) return null;
  if (t.to !== BEFORE_VOTE) return t.to;
  return TRANSITIONS.openVote.from.includes(stateBeforeVote) ? stateBeforeVote : "DRAFTING";
}

/** The states a transition may start from (for conditional database updates). */
export function statesAllowing(transition: Transition): readonly ProposalState[] {
  return TRANSITIONS[transition].from;
}
