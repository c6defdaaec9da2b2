import { isStorageUnavailable } from "./storage-errors.ts";

// One table from error code to HTTP status and the message a person sees. Use cases throw
// AppError; routes, server actions and socket acks translate it through this table.

export const ERRORS = {
  UNAUTHENTICATED: { status: 401, message: "Please sign in." },
  NOT_A_MEMBER: { status: 404, message: "Not found." },
  NOT_FOUND: { status: 404, message: "Not found." },
  FORBIDDEN: { status: 403, message: "Your role does not allow this." },
  WRONG_STATE: { status: 409, message: "The proposal's state does not allow this now." },
  ARCHIVED: { status: 409, message: "This workshop is archived: it can be read, not changed." },
  UNKNOWN_ACTION: { status: 403, message: "Unknown action." },
  INVALID_INPUT: { status: 400, message: "The request is not valid." },
  INVITE_UNKNOWN: { status: 404, message: "This invite link is not valid." },
  INVITE_EXPIRED: { status: 410, message: "This invite link has expired." },
  INVITE_USED_UP: { status: 410, message: "This invite link has already been used." },
  INVITE_REVOKED: { status: 410, message: "This invite link has been revoked." },
  EMAIL_TAKEN: { status: 409, message: "An account with this email already exists. Sign in first, then open the link again." },
  // Joining by invite with an email that has an account, without its password: worded so that it
  // does not say whether an account exists (the same answer however often it is tried).
  JOIN_REFUSED: { status: 400, message: "Sign in with this email's password to join, or use another email." },
  ALREADY_MEMBER: { status: 409, message: "You are already a member of this workshop." },
  RESET_LINK_UNKNOWN: { status: 404, message: "This password-reset link is not valid." },
  RESET_LINK_EXPIRED: { status: 410, message: "This password-reset link has expired. Ask for a new one." },
  RESET_LINK_USED: { status: 410, message: "This password-reset link has already been used. Ask for a new one if you need it." },
  WRONG_PASSWORD: { status: 400, message: "The current password is not correct. Nothing was changed." },
  CONFLICT: { status: 409, message: "That conflicts with existing data." },
  LAST_CHAIR: { status: 409, message: "The last chair of a workshop cannot be removed or demoted." },
  DELEGATION_IN_USE: { status: 409, message: "This delegation still has members or ballots, so it cannot be deleted." },
  NOT_JOINED: { status: 400, message: "Join the proposal's room first." },
  PAYLOAD_TOO_LARGE: { status: 413, message: "That change is too large to send at once." },
  MALFORMED_UPDATE: { status: 400, message: "The change could not be read." },
  FOREIGN_CLIENT: { status: 403, message: "That change claims another participant's authorship." },
  UNKNOWN_EVENT: { status: 400, message: "Unknown message." },
  // The tab runs a page older (or newer) than the server's socket protocol (lib/protocol.ts PROTOCOL_VERSION).
  PROTOCOL_OUTDATED: { status: 426, message: "This page is out of date with the server. Please reload the page to keep drafting." },
  RATE_LIMITED: { status: 429, message: "Too many messages; slow down." },
  ROUND_CLOSED: { status: 409, message: "This vote is closed; ballots can no longer be cast or changed." },
  NO_DELEGATION: { status: 403, message: "Only a member of a delegation can cast its ballot." },
  ALREADY_QUEUED: { status: 409, message: "You are already in the speaking queue." },
  MISSING_DEPENDENCIES: { status: 409, message: "That change builds on text the server does not have yet; it will be retried." },
  UNAVAILABLE: { status: 503, message: "The text could not be saved right now; it will be retried." },
  // Heavy work (verifying a whole history) already running at its limit: nothing is wrong, come back.
  BUSY: { status: 503, message: "The server is busy with other requests like this one; please try again in a moment." },
  TOO_MANY_CLIENTS: { status: 429, message: "Too many editing sessions for this text." },
  TOO_MANY_CONNECTIONS: { status: 429, message: "Too many open connections for this account; close some tabs." },
  TOO_MUCH_PRESENCE: { status: 413, message: "Too much presence information in this room." },
  STORAGE_UNAVAILABLE: { status: 503, message: "The database is briefly unavailable. Please try again in a moment." },
  // Amendments and comments (lib/domain/amendments.ts, comments.ts say when).
  AMENDMENTS_ONLY: { status: 409, message: "The chair has set this text to amendments only: changes are proposed as amendments." },
  ANCHOR_NOT_FOUND: { status: 409, message: "That passage is not in this text (it may have been deleted meanwhile)." },
  PASSAGE_CHANGED: { status: 409, message: "The passage has been edited since this amendment was proposed; its author can revise it before it is accepted." },
  NOT_OPEN: { status: 409, message: "This amendment has already been decided or withdrawn." },
  OWN_AMENDMENT: { status: 409, message: "A delegation cannot support or object to its own amendment." },
  NOT_YOURS: { status: 403, message: "Only its author's delegation can change this." },
  TOO_MANY: { status: 409, message: "This text has reached its limit of open amendments or comment threads." },
  // Brackets, clause status and readings (lib/domain/drafting.ts says when).
  PARAGRAPH_AGREED: { status: 409, message: "This paragraph is agreed: nothing in it can change until the chair reopens it." },
  BRACKETS_OPEN: { status: 409, message: "This paragraph still has open brackets: they must be resolved before it is agreed." },
  BRACKET_OVERLAPS: { status: 409, message: "That passage overlaps a bracket already open: join that bracket or add an option to it." },
  BRACKET_CLOSED: { status: 409, message: "This bracket has already been lifted, withdrawn or agreed." },
  NOT_AWAITED: { status: 409, message: "Your capital's confirmation is not awaited for this paragraph." },
  PARAGRAPH_NOT_FOUND: { status: 409, message: "That paragraph is no longer in the text." },
  NO_READING: { status: 409, message: "No reading is in progress." },
  RESTORE_CHANGES_AGREED: { status: 409, message: "Restoring this version would change agreed paragraphs. Confirm to restore it anyway." },
  INTERNAL: { status: 500, message: "Something went wrong on our side." },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERRORS[code].message);
    this.code = code;
    this.name = "AppError";
  }
}

// Duck-typed: Next bundles its own copy of this module, so an AppError thrown by the custom
// server's copy (e.g. from the room registry) is not an instance of the bundled class.
export function isAppError(e: unknown): e is AppError {
  return e instanceof Error && e.name === "AppError" && typeof (e as { code?: unknown }).code === "string" && Object.hasOwn(ERRORS, (e as AppError).code);
}

export function statusOf(code: ErrorCode): number {
  return ERRORS[code].status;
}

/** The safe shape sent to a client: a named code and a human message, never a stack. */
export function toClientError(e: unknown): { code: ErrorCode; message: string } {
  if (isAppError(e)) return { code: e.code, message: e.message };
  if (isStorageUnavailable(e)) return { code: "STORAGE_UNAVAILABLE", message: ERRORS.STORAGE_UNAVAILABLE.message };
  return { code: "INTERNAL", message: ERRORS.INTERNAL.message };
}
