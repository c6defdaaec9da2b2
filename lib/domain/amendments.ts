// Amendments: who may propose, revise, support or object, withdraw, accept and reject, in which
// proposal states and editing modes; which open amendments an accepted one overtakes. Pure: the
// use cases ask these with what they read, the UI asks them to hide what the server refuses.
import type { AmendmentStatus, EditingMode, ProposalState, Role, Stance } from "./vocabulary.ts";

/** A reason is a sentence or a paragraph, not a brief. */
export const MAX_REASON_CHARS = 1000;
/** One amendment's new text: a long clause or a pasted page, not a whole document. */
export const MAX_AMENDMENT_TEXT_CHARS = 10_000;
/**
 * Open amendments per proposal. Every one is sent to everyone who opens the text and drawn
 * as a decoration; far beyond a real session (the benchmark uses 200).
 */
export const MAX_OPEN_AMENDMENTS = 1000;
/** An encoded Yjs relative position is ~10–20 bytes; this leaves room, not abuse. */
export const MAX_ANCHOR_BYTES = 256;

export type Actor = { userId: string; role: Role; delegationId: string | null };
export type AmendmentFacts = { authorId: string; delegationId: string | null; status: AmendmentStatus };

export type Refusal = { ok: false; code: AmendmentRefusal; message: string };
export type Verdict = { ok: true } | Refusal;
export type AmendmentRefusal = "FORBIDDEN" | "WRONG_STATE" | "NOT_OPEN" | "OWN_AMENDMENT" | "NOT_YOURS";

const OK: Verdict = { ok: true };
const no = (code: AmendmentRefusal, message: string): Refusal => ({ ok: false, code, message });

/**
 * Whether the member's typing may change the agreed text directly. In "Amendments only" only
 * the chair edits the text itself (the chair is who accepts amendments into it).
 */
export function mayEditDirectly(role: Role, mode: EditingMode): boolean {
  if (role === "OBSERVER") return false;
  return mode === "OPEN" || role === "MODERATOR";
}

/** Proposing (or revising one's own): while drafting is open, by anyone who may take part. */
export function mayPropose(actor: Actor, state: ProposalState): Verdict {
  if (actor.role === "OBSERVER") return no("FORBIDDEN", "Observers follow the text; they cannot propose amendments.");
  if (state !== "DRAFTING") return no("WRONG_STATE", "Amendments can be proposed only while drafting is open.");
  return OK;
}

export function mayRevise(actor: Actor, amendment: AmendmentFacts, state: ProposalState): Verdict {
  const base = mayPropose(actor, state);
  if (!base.ok) return base;
  if (amendment.authorId !== actor.userId) return no("NOT_YOURS", "Only its author can change an amendment.");
  // Its author, but moved to another delegation since: the words stay the delegation's they were proposed for.
  if (amendment.delegationId !== actor.delegationId) return no("NOT_YOURS", "This amendment belongs to a delegation you no longer represent.");
  if (amendment.status !== "OPEN") return no("NOT_OPEN", "This amendment has already been decided or withdrawn.");
  return OK;
}

/** Support or object: one stance per delegation, on other delegations' open amendments. */
export function mayTakeStance(actor: Actor, amendment: AmendmentFacts, state: ProposalState): Verdict {
  if (actor.role !== "DELEGATE" || actor.delegationId === null) return no("FORBIDDEN", "Only delegations support or object to amendments.");
  if (state !== "DRAFTING" && state !== "LOCKED") return no("WRONG_STATE", "Amendments are frozen while a vote is open or once the proposal is decided.");
  if (amendment.status !== "OPEN") return no("NOT_OPEN", "This amendment has already been decided or withdrawn.");
  if (amendment.delegationId === actor.delegationId) return no("OWN_AMENDMENT", "A delegation cannot support or object to its own amendment.");
  return OK;
}

/** The proposing delegation (or, for the chair's own, the chair) withdraws an open amendment. */
export function mayWithdraw(actor: Actor, amendment: AmendmentFacts, state: ProposalState): Verdict {
  if (actor.role === "OBSERVER") return no("FORBIDDEN", "Observers cannot withdraw amendments.");
  if (state !== "DRAFTING" && state !== "LOCKED") return no("WRONG_STATE", "Amendments are frozen while a vote is open or once the proposal is decided.");
  const isOwn = amendment.delegationId !== null ? amendment.delegationId === actor.delegationId : amendment.authorId === actor.userId;
  if (!isOwn) return no("NOT_YOURS", "Only the proposing delegation can withdraw its amendment.");
  if (amendment.status !== "OPEN") return no("NOT_OPEN", "This amendment has already been decided or withdrawn.");
  return OK;
}

/** Accepting changes the agreed text, so it needs drafting open; rejecting also works while locked. */
export function mayDecide(actor: Actor, amendment: AmendmentFacts, decision: "ACCEPT" | "REJECT", state: ProposalState): Verdict {
  if (actor.role !== "MODERATOR") return no("FORBIDDEN", "Only the chair accepts or rejects amendments.");
  const states: readonly ProposalState[] = decision === "ACCEPT" ? ["DRAFTING"] : ["DRAFTING", "LOCKED"];
  if (!states.includes(state)) {
    return no("WRONG_STATE", decision === "ACCEPT" ? "Amendments can be accepted only while drafting is open." : "Amendments are frozen while a vote is open or once the proposal is decided.");
  }
  if (amendment.status !== "OPEN") return no("NOT_OPEN", "This amendment has already been decided or withdrawn.");
  return OK;
}

/** The reason as stored: a reason of only spaces is no reason (null); undefined leaves it as it was. */
export function storedReason(reason: string | undefined): string | null | undefined {
  return reason === undefined ? undefined : reason.trim() === "" ? null : reason;
}

/** Where an amendment sits in the agreed text now: a paragraph and a range of characters in it. */
export type Span = { block: string; from: number; to: number };

/**
 * Whether two amendments compete for the same passage: they share a character, or both insert
 * at the same point, or one inserts strictly inside the passage the other replaces. Amendments
 * that merely touch (one ends where the other begins) do not compete.
 */
export function competes(a: Span, b: Span): boolean {
  if (a.block !== b.block) return false;
  const aEmpty = a.from === a.to;
  const bEmpty = b.from === b.to;
  if (aEmpty && bEmpty) return a.from === b.from;
  if (aEmpty) return a.from > b.from && a.from < b.to;
  if (bEmpty) return b.from > a.from && b.from < a.to;
  return a.from < b.to && b.from < a.to;
}

/** The open amendments that accepting `accepted` overtakes (status SUPERSEDED). */
export function supersededBy<T extends { id: string; span: Span | null }>(accepted: { id: string; span: Span }, open: readonly T[]): string[] {
  return open.filter((o) => o.id !== accepted.id && o.span !== null && competes(accepted.span, o.span)).map((o) => o.id);
}

/**
 * An amendment open when a version was cut, as the version records it (Version.openAmendments):
 * names and words as they were then, so the version reads the same however things went later.
 */
export type OpenAmendmentRecord = {
  id: string;
  delegation: { code: string; name: string } | null;
  author: string;
  passage: string;
  insert: string;
  reason: string | null;
};

/** What an edit in "Amendments only" would have to be, said to a delegate whose direct edit was refused. */
export const AMENDMENTS_ONLY_MESSAGE = "The chair has set this text to amendments only: your changes are proposed as amendments, not typed into the agreed text.";
