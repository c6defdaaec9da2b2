// Who may do what: one pure table of (role × proposal state × action). Every server entry
// point asks `decide`; the UI only hides what the server already refuses. Anything not in the
// table — an unknown action, a non-member, a state not listed — is denied.

import { PROPOSAL_STATES, ROLES, type ProposalState, type Role } from "./vocabulary.ts";

// The table's callers (and its tests) know these by this module.
export { PROPOSAL_STATES, ROLES, type ProposalState, type Role };

type Rule = {
  roles: readonly Role[];
  // Proposal-scoped actions list the states they are allowed in; workshop-scoped ones omit it.
  states?: readonly ProposalState[];
  // Reading only: still allowed once the workshop is archived (everything else is refused then).
  reads?: true;
};

const ALL_ROLES = ROLES;
const ALL_STATES = PROPOSAL_STATES;
const OPEN_STATES: readonly ProposalState[] = ["DRAFTING", "LOCKED"];

export const ACCESS_TABLE = {
  // Workshop scope
  "workshop.view": { roles: ALL_ROLES, reads: true },
  "workshop.manage": { roles: ["MODERATOR"] }, // delegations, invites, agenda order, current item
  // Title, description, zone, vote defaults; archiving. Co-chairs are all MODERATORs.
  "workshop.edit": { roles: ["MODERATOR"] },
  // Members' roles and delegations, removing members, password-reset links for members.
  "people.manage": { roles: ["MODERATOR"] },
  // A new agenda item: empty, pasted, imported, or duplicated from a version the chair can read.
  "proposal.create": { roles: ["MODERATOR"] },
  "audit.view": { roles: ["MODERATOR"], reads: true },
  // The outcome record (every proposal's final state, adopted texts, votes). Observers only when
  // the chair allows it (Workshop.outcomeForObservers, checked by the use case).
  "outcome.view": { roles: ["MODERATOR", "DELEGATE", "OBSERVER"], reads: true },
  "floor.request": { roles: ["DELEGATE"] },
  "floor.manage": { roles: ["MODERATOR"] },
  // Proposal scope
  "proposal.view": { roles: ALL_ROLES, states: ALL_STATES, reads: true },
  // Title and summary; the text itself is proposal.edit. Not once decided: the record stays as voted.
  "proposal.details": { roles: ["MODERATOR"], states: ["DRAFTING", "LOCKED", "VOTING"] },
  "proposal.edit": { roles: ["MODERATOR", "DELEGATE"], states: ["DRAFTING"] },
  "proposal.lock": { roles: ["MODERATOR"], states: ["DRAFTING"] },
  "proposal.unlock": { roles: ["MODERATOR"], states: ["LOCKED"] },
  "proposal.withdraw": { roles: ["MODERATOR"], states: ["DRAFTING", "LOCKED", "VOTING"] },
  "history.view": { roles: ALL_ROLES, states: ALL_STATES, reads: true },
  "version.create": { roles: ["MODERATOR"], states: OPEN_STATES },
  // Restoring changes the live text, and text changes only while drafting is open.
  "version.restore": { roles: ["MODERATOR"], states: ["DRAFTING"] },
  "vote.open": { roles: ["MODERATOR"], states: OPEN_STATES },
  "vote.close": { roles: ["MODERATOR"], states: ["VOTING"] },
  "vote.cancel": { roles: ["MODERATOR"], states: ["VOTING"] },
  // Whose ballot it is (the caster's own delegation) is checked by the use case, not here.
  "vote.cast": { roles: ["DELEGATE"], states: ["VOTING"] },
  // "Open drafting" or "Amendments only" (lib/domain/amendments.ts says what each allows).
  "proposal.mode": { roles: ["MODERATOR"], states: OPEN_STATES },
  // Propose or revise one's own; the amendment's delegation is the sender's, set by the server.
  "amendment.propose": { roles: ["MODERATOR", "DELEGATE"], states: ["DRAFTING"] },
  // Support or object to another delegation's amendment (the use case refuses one's own).
  "amendment.stance": { roles: ["DELEGATE"], states: OPEN_STATES },
  // The proposing delegation's own (checked by the use case).
  "amendment.withdraw": { roles: ["MODERATOR", "DELEGATE"], states: OPEN_STATES },
  // Accepting changes the agreed text: only while drafting is open, and never while VOTING.
  "amendment.accept": { roles: ["MODERATOR"], states: ["DRAFTING"] },
  "amendment.reject": { roles: ["MODERATOR"], states: OPEN_STATES },
  // Start, reply, resolve, reopen; who sees a thread is lib/domain/comments.ts's canSeeThread.
  "comment.write": { roles: ["MODERATOR", "DELEGATE"], states: ["DRAFTING", "LOCKED", "VOTING"] },
  // Brackets and options (lib/domain/drafting.ts says who and where): they mark what is not yet
  // agreed without changing the wording, so delegates may place them in "Amendments only" too.
  "bracket.place": { roles: ["DELEGATE"], states: ["DRAFTING"] },
  // Join or withdraw one's delegation's hold on a bracket.
  "bracket.hold": { roles: ["DELEGATE"], states: OPEN_STATES },
  // Add an alternative wording, or support one.
  "bracket.option": { roles: ["DELEGATE"], states: ["DRAFTING"] },
  // Agree on an option (may change the text) or lift the bracket: the chair, while drafting is open.
  "bracket.decide": { roles: ["MODERATOR"], states: ["DRAFTING"] },
  // A paragraph's status (Open, Agreed ad referendum, Agreed, Parked), reopening included.
  "clause.status": { roles: ["MODERATOR"], states: OPEN_STATES },
  // "Confirm for my capital": only a delegation the chair is awaiting (checked by the use case).
  "clause.confirm": { roles: ["DELEGATE"], states: ["DRAFTING", "LOCKED", "VOTING"] },
  // Start, step through and end a reading.
  "reading.run": { roles: ["MODERATOR"], states: OPEN_STATES },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof ACCESS_TABLE;
export const ACTIONS = Object.keys(ACCESS_TABLE) as Action[];

export type Decision =
  | { allowed: true }
  | { allowed: false; code: "NOT_A_MEMBER" | "FORBIDDEN" | "WRONG_STATE" | "UNKNOWN_ACTION" | "ARCHIVED" };

/** What else about the workshop decides: an archived workshop can only be read. */
export type WorkshopStatus = { archived?: boolean };

/** Whether an action only reads (and so is still allowed in an archived workshop). */
export function isReadAction(action: Action): boolean {
  return "reads" in ACCESS_TABLE[action];
}

export function isProposalAction(action: Action): boolean {
  return "states" in ACCESS_TABLE[action];
}

/**
 * @param role the caller's role in the workshop, or null for anyone who is not a member
 *             (signed out, or a member of another workshop).
 * @param state the proposal's state, required for proposal-scoped actions.
 * @param workshop whether the workshop is archived (read-only for everyone).
 */
export function decide(role: Role | null, action: string, state?: ProposalState, workshop: WorkshopStatus = {}): Decision {
  if (!Object.hasOwn(ACCESS_TABLE, action)) return { allowed: false, code: "UNKNOWN_ACTION" };
  const rule: Rule = ACCESS_TABLE[action as Action];
  if (role === null) return { allowed: false, code: "NOT_A_MEMBER" };
  if (!rule.roles.includes(role)) return { allowed: false, code: "FORBIDDEN" };
  if (rule.states) {
    if (state === undefined || !rule.states.includes(state)) return { allowed: false, code: "WRONG_STATE" };
  }
  if (workshop.archived && !rule.reads) return { allowed: false, code: "ARCHIVED" };
  return { allowed: true };
}

export function can(role: Role | null, action: Action, state?: ProposalState, workshop: WorkshopStatus = {}): boolean {
  return decide(role, action, state, workshop).allowed;
}
