// The proposal's life: DRAFTING ⇄ LOCKED, → VOTING (text frozen), VOTING → ADOPTED or back to
// DRAFTING (not adopted / cancelled), and any open state → WITHDRAWN. Pure.
import type { ProposalState } from "./access.ts";

export type Transition = "lock" | "unlock" | "openVote" | "adopt" | "reject" | "cancelVote" | "withdraw";
/** The moves the chair makes directly (the others come with a vote's opening, close or cancel). */
export const CHAIR_STATE_CHANGES = ["lock", "unlock", "withdraw"] as const satisfies readonly Transition[];
export type ChairStateChange = (typeof CHAIR_STATE_CHANGES)[number];

const TRANSITIONS: Record<Transition, { from: readonly ProposalState[]; to: ProposalState }> = {
  lock: { from: ["DRAFTING"], to: "LOCKED" },
  unlock: { from: ["LOCKED"], to: "DRAFTING" },
  openVote: { from: ["DRAFTING", "LOCKED"], to: "VOTING" },
  adopt: { from: ["VOTING"], to: "ADOPTED" },
  reject: { from: ["VOTING"], to: "DRAFTING" },
  cancelVote: { from: ["VOTING"], to: "DRAFTING" },
  withdraw: { from: ["DRAFTING", "LOCKED", "VOTING"], to: "WITHDRAWN" },
};

/** The state after `transition`, or null when it is not allowed from `state`. */
export function nextState(state: ProposalState, transition: Transition): ProposalState | null {
  const t = TRANSITIONS[transition];
  return t.from.includes(state) ? t.to : null;
}

/** The states a transition may start from (for conditional database updates). */
export function statesAllowing(transition: Transition): readonly ProposalState[] {
  return TRANSITIONS[transition].from;
}
