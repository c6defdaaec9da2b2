// The words every layer shares — database, use cases, socket protocol, pages — defined once.
// Each is a const tuple (zod takes it as `z.enum(TUPLE)`, loops iterate it) with its union type
// derived from it, so no file restates a list that could drift from the others. The database
// declares the same enums (prisma/schema.prisma); tests/domain-vocabulary.test.ts fails when
// the two disagree. Pure: no imports.

export const ROLES = ["MODERATOR", "DELEGATE", "OBSERVER"] as const;
/** A member's role in a workshop (the chair is the MODERATOR). */
export type Role = (typeof ROLES)[number];

export const PROPOSAL_STATES = ["DRAFTING", "LOCKED", "VOTING", "ADOPTED", "WITHDRAWN"] as const;
/** Where a proposal is in its life (see proposal-lifecycle.ts for the moves between them). */
export type ProposalState = (typeof PROPOSAL_STATES)[number];

export const VOTE_RULES = ["CONSENSUS", "MAJORITY", "TWO_THIRDS"] as const;
/** How a round is decided (see tally.ts). */
export type VoteRule = (typeof VOTE_RULES)[number];

export const BALLOT_CHOICES = ["YES", "NO", "ABSTAIN"] as const;
/** One delegation's ballot in a round. */
export type BallotChoice = (typeof BALLOT_CHOICES)[number];

export const VOTE_STATUSES = ["OPEN", "CLOSED", "CANCELLED"] as const;
/** A round is open for ballots, closed with a result, or cancelled without one. */
export type VoteStatus = (typeof VOTE_STATUSES)[number];

export const FLOOR_STATUSES = ["WAITING", "SPEAKING", "DONE", "WITHDRAWN"] as const;
/** A request for the floor, from asking to done (or withdrawn by the delegate). */
export type FloorStatus = (typeof FLOOR_STATUSES)[number];

/** The requests the speaking queue shows: the speaker and those still waiting. */
export const ACTIVE_FLOOR_STATUSES = ["WAITING", "SPEAKING"] as const satisfies readonly FloorStatus[];
export type ActiveFloorStatus = (typeof ACTIVE_FLOOR_STATUSES)[number];

export const VERSION_KINDS = ["AUTO", "NAMED", "VOTE", "RESTORE"] as const;
/** How a version came to be: idle or periodic cut, the chair's named save, a vote opening, a restore. */
export type VersionKind = (typeof VERSION_KINDS)[number];

export const EDITING_MODES = ["OPEN", "AMENDMENTS"] as const;
/** "Open drafting": typing changes the agreed text; "Amendments only": delegates' typing proposes amendments. */
export type EditingMode = (typeof EDITING_MODES)[number];

export const AMENDMENT_STATUSES = ["OPEN", "ACCEPTED", "REJECTED", "WITHDRAWN", "SUPERSEDED"] as const;
/** Where an amendment is: open, decided by the chair, withdrawn by its delegation, or overtaken by another. */
export type AmendmentStatus = (typeof AMENDMENT_STATUSES)[number];

export const STANCES = ["SUPPORT", "OBJECT"] as const;
/** A delegation's position on another delegation's amendment. */
export type Stance = (typeof STANCES)[number];

export const CLAUSE_STATUSES = ["OPEN", "AGREED_AD_REFERENDUM", "AGREED", "PARKED"] as const;
/** Where the chair has put a paragraph or operative clause (see lib/domain/drafting.ts). */
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

export const BRACKET_STATUSES = ["OPEN", "WITHDRAWN", "LIFTED", "AGREED"] as const;
/** A bracket is open, withdrawn by all its holders, lifted by the chair, or agreed on one option. */
export type BracketStatus = (typeof BRACKET_STATUSES)[number];

export const COMMENT_VISIBILITIES = ["EVERYONE", "DELEGATION"] as const;
/** Who sees a comment thread: every member, or the author's delegation only. */
export type CommentVisibility = (typeof COMMENT_VISIBILITIES)[number];

/**
 * Every action the audit log records, as "area.verb". The use cases record them
 * (server/services/audit/record-audit.ts takes only these) and the audit page puts each into
 * words, so a new action cannot be logged without the log being able to name it.
 */
export const AUDIT_ACTIONS = [
  "workshop.seed",
  "delegation.create",
  "invite.create",
  "invite.revoke",
  "invite.accept",
  "agenda.move",
  "agenda.current",
  "proposal.lock",
  "proposal.unlock",
  "proposal.withdraw",
  "version.cut",
  "version.restore",
  "vote.open",
  "vote.close",
  "vote.cancel",
  "ballot.cast",
  "ballot.change",
  "floor.request",
  "floor.withdraw",
  "floor.give",
  "floor.end",
  "workshop.create",
  "workshop.edit",
  "workshop.archive",
  "proposal.create",
  "proposal.details",
  "member.change",
  "member.remove",
  "delegation.edit",
  "delegation.delete",
  "password.resetlink",
  "proposal.mode",
  "amendment.propose",
  "amendment.withdraw",
  "amendment.accept",
  "amendment.reject",
  "amendment.supersede",
  "comment.start",
  "comment.resolve",
  "comment.reopen",
  "bracket.place",
  "bracket.join",
  "bracket.withdraw",
  "bracket.option",
  "bracket.support",
  "bracket.agree",
  "bracket.lift",
  "clause.status",
  "clause.confirm",
  "reading.start",
  "reading.end",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Stored rows carry the action as plain text: this narrows it (an older or foreign row may not match). */
export function isAuditAction(action: string): action is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(action);
}
