// Brackets, options, paragraph status and readings: who may bracket, join, withdraw, add and
// support options, agree, lift, set a status, confirm for a capital, run a reading; which
// paragraph states allow which changes; the progress summary. Pure: the use cases ask these
// with what they read, the UI asks them to hide what the server refuses.
import type { BracketStatus, ClauseStatus, ProposalState, Role } from "./vocabulary.ts";
import type { Actor, Verdict } from "./amendments.ts";

/** "client:clock" of a Yjs id: two decimal numbers. */
export const MAX_CLAUSE_KEY_CHARS = 27;
/** An alternative wording: a clause, not a page. */
export const MAX_OPTION_CHARS = 5_000;
/** Delegations the chair can await for one paragraph: every delegation of a large conference. */
export const MAX_AWAITED_DELEGATIONS = 200;
/** Open brackets per proposal: each is sent to everyone and drawn (the benchmark uses 150). */
export const MAX_OPEN_BRACKETS = 1000;
/** Options per bracket: competing wordings are a handful, not a list. */
export const MAX_OPTIONS_PER_BRACKET = 20;

export type DraftingRefusal = "FORBIDDEN" | "WRONG_STATE" | "PARAGRAPH_AGREED" | "BRACKET_CLOSED" | "BRACKETS_OPEN" | "NOT_AWAITED" | "TOO_MANY";
export type DraftingVerdict = Verdict | { ok: false; code: DraftingRefusal; message: string };

const OK: DraftingVerdict = { ok: true };
const no = (code: DraftingRefusal, message: string): DraftingVerdict => ({ ok: false, code, message });

/** The kinds of change a paragraph's status may forbid. */
export type ParagraphChange = "edit" | "amend" | "bracket" | "option" | "comment";

/**
 * What a paragraph's status allows. Agreed text is protected: no edit, amendment, bracket or
 * option until the chair reopens it. Agreed ad referendum is agreed here too (only a capital's
 * confirmation is pending), so it is protected the same way. Open and Parked allow everything.
 * Comments never change the text: allowed everywhere.
 */
export function mayChangeParagraph(status: ClauseStatus, change: ParagraphChange): boolean {
  if (change === "comment") return true;
  return !isAgreedStatus(status);
}

export function isAgreedStatus(status: ClauseStatus): boolean {
  return status === "AGREED" || status === "AGREED_AD_REFERENDUM";
}

const DRAFTING_ONLY = "Brackets and options can be changed only while drafting is open.";

function delegateOnly(actor: Actor, what: string): DraftingVerdict | null {
  if (actor.role !== "DELEGATE" || actor.delegationId === null) return no("FORBIDDEN", `Only delegations ${what}.`);
  return null;
}

/** "Bracket": a delegation puts a passage of a paragraph that is not agreed in brackets. */
export function mayPlaceBracket(actor: Actor, state: ProposalState, paragraph: ClauseStatus, openBrackets: number): DraftingVerdict {
  const who = delegateOnly(actor, "place brackets");
  if (who) return who;
  if (state !== "DRAFTING") return no("WRONG_STATE", DRAFTING_ONLY);
  if (!mayChangeParagraph(paragraph, "bracket")) return no("PARAGRAPH_AGREED", "This paragraph is agreed: the chair must reopen it before it can be bracketed.");
  if (openBrackets >= MAX_OPEN_BRACKETS) return no("TOO_MANY", "This text has reached its limit of open brackets.");
  return OK;
}

export type BracketFacts = { status: BracketStatus; holders: readonly string[]; options: number };

/** "Join bracket" (hold = true) or "Withdraw bracket" (hold = false) for one's delegation. */
export function mayHold(actor: Actor, bracket: BracketFacts, state: ProposalState, hold: boolean): DraftingVerdict {
  const who = delegateOnly(actor, "hold brackets");
  if (who) return who;
  if (state !== "DRAFTING" && state !== "LOCKED") return no("WRONG_STATE", "Brackets are frozen while a vote is open or once the proposal is decided.");
  if (bracket.status !== "OPEN") return no("BRACKET_CLOSED", "This bracket has already been lifted, withdrawn or agreed.");
  const holds = bracket.holders.includes(actor.delegationId!);
  if (hold && holds) return no("FORBIDDEN", "Your delegation already holds this bracket.");
  if (!hold && !holds) return no("FORBIDDEN", "Your delegation does not hold this bracket.");
  return OK;
}

/** A bracket is lifted by its holders once none is left. */
export function liftedByWithdrawal(holdersAfter: readonly string[]): boolean {
  return holdersAfter.length === 0;
}

/** "Add option" and supporting one: delegations, on an open bracket in a paragraph not agreed. */
export function mayAddOption(actor: Actor, bracket: BracketFacts, state: ProposalState, paragraph: ClauseStatus): DraftingVerdict {
  const who = delegateOnly(actor, "propose options");
  if (who) return who;
  if (state !== "DRAFTING") return no("WRONG_STATE", DRAFTING_ONLY);
  if (bracket.status !== "OPEN") return no("BRACKET_CLOSED", "This bracket has already been lifted, withdrawn or agreed.");
  if (!mayChangeParagraph(paragraph, "option")) return no("PARAGRAPH_AGREED", "This paragraph is agreed: the chair must reopen it first.");
  if (bracket.options >= MAX_OPTIONS_PER_BRACKET) return no("TOO_MANY", "This bracket has reached its limit of options.");
  return OK;
}

export function maySupportOption(actor: Actor, bracket: BracketFacts, state: ProposalState): DraftingVerdict {
  const who = delegateOnly(actor, "support options");
  if (who) return who;
  if (state !== "DRAFTING") return no("WRONG_STATE", DRAFTING_ONLY);
  if (bracket.status !== "OPEN") return no("BRACKET_CLOSED", "This bracket has already been lifted, withdrawn or agreed.");
  return OK;
}

/** "Agree on this option" and "Lift bracket": the chair, while drafting is open. */
export function mayDecideBracket(actor: Actor, bracket: BracketFacts, state: ProposalState, paragraph: ClauseStatus): DraftingVerdict {
  if (actor.role !== "MODERATOR") return no("FORBIDDEN", "Only the chair agrees on an option or lifts a bracket.");
  if (state !== "DRAFTING") return no("WRONG_STATE", "Brackets can be decided only while drafting is open.");
  if (bracket.status !== "OPEN") return no("BRACKET_CLOSED", "This bracket has already been lifted, withdrawn or agreed.");
  if (!mayChangeParagraph(paragraph, "bracket")) return no("PARAGRAPH_AGREED", "This paragraph is agreed: the chair must reopen it first.");
  return OK;
}

/**
 * The chair sets a paragraph's status. Agreed (ad referendum or not) means the wording is
 * settled: a paragraph with open brackets cannot be agreed until they are resolved.
 */
export function maySetStatus(actor: Actor, state: ProposalState, to: ClauseStatus, openBracketsInParagraph: number): DraftingVerdict {
  if (actor.role !== "MODERATOR") return no("FORBIDDEN", "Only the chair sets a paragraph's status.");
  if (state !== "DRAFTING" && state !== "LOCKED") return no("WRONG_STATE", "Paragraph statuses are frozen while a vote is open or once the proposal is decided.");
  if (isAgreedStatus(to) && openBracketsInParagraph > 0) return no("BRACKETS_OPEN", "This paragraph still has open brackets: resolve them before it is agreed.");
  return OK;
}

/** "Confirm for my capital": a delegation the chair awaits, not yet confirmed. */
export function mayConfirm(actor: Actor, status: ClauseStatus, awaiting: readonly { delegationId: string; confirmed: boolean }[]): DraftingVerdict {
  const who = delegateOnly(actor, "confirm for their capital");
  if (who) return who;
  const mine = awaiting.find((a) => a.delegationId === actor.delegationId);
  if (status !== "AGREED_AD_REFERENDUM" || !mine || mine.confirmed) return no("NOT_AWAITED", "Your capital's confirmation is not awaited for this paragraph.");
  return OK;
}

/** Once every awaited capital has confirmed, the paragraph is Agreed. */
export function statusAfterConfirmations(awaiting: readonly { confirmed: boolean }[]): ClauseStatus {
  return awaiting.length > 0 && awaiting.every((a) => a.confirmed) ? "AGREED" : "AGREED_AD_REFERENDUM";
}

export function mayRunReading(role: Role, state: ProposalState): DraftingVerdict {
  if (role !== "MODERATOR") return no("FORBIDDEN", "Only the chair runs a reading.");
  if (state !== "DRAFTING" && state !== "LOCKED") return no("WRONG_STATE", "A reading runs while drafting is open or locked.");
  return OK;
}

/** The next or previous paragraph of a reading (stays put at either end). */
export function stepReading(keys: readonly string[], current: string | null, direction: "next" | "previous"): string | null {
  if (keys.length === 0) return null;
  const at = current === null ? -1 : keys.indexOf(current);
  // The paragraph read was deleted meanwhile: start again from the top.
  if (at === -1) return keys[0]!;
  const to = direction === "next" ? Math.min(keys.length - 1, at + 1) : Math.max(0, at - 1);
  return keys[to]!;
}

/** What changed status during a reading, in text order (paragraphs since removed are left out). */
export function readingChanges(
  keysInOrder: readonly string[],
  before: Readonly<Record<string, ClauseStatus>>,
  after: Readonly<Record<string, ClauseStatus>>,
): { key: string; number: number; from: ClauseStatus; to: ClauseStatus }[] {
  return keysInOrder.flatMap((key, i) => {
    const from = before[key] ?? "OPEN";
    const to = after[key] ?? "OPEN";
    return from === to ? [] : [{ key, number: i + 1, from, to }];
  });
}

export type Progress = {
  paragraphs: number;
  agreed: number;
  adReferendum: number;
  parked: number;
  openBrackets: number;
  /** Open brackets by the delegation that placed them, most first (then by name). */
  bracketsBy: { name: string; count: number }[];
};

/**
 * The progress summary: of the paragraphs the text has, how many are agreed (Agreed, not ad
 * referendum), and the open brackets by delegation. Statuses of paragraphs no longer in the
 * text do not count.
 */
export function progressOf(
  paragraphKeys: readonly string[],
  statuses: ReadonlyMap<string, ClauseStatus>,
  openBrackets: readonly { delegationName: string | null }[],
): Progress {
  let agreed = 0;
  let adReferendum = 0;
  let parked = 0;
  for (const key of paragraphKeys) {
    const s = statuses.get(key) ?? "OPEN";
    if (s === "AGREED") agreed++;
    else if (s === "AGREED_AD_REFERENDUM") adReferendum++;
    else if (s === "PARKED") parked++;
  }
  const counts = new Map<string, number>();
  for (const b of openBrackets) {
    const name = b.delegationName ?? "Chair";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const bracketsBy = [...counts].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
  return { paragraphs: paragraphKeys.length, agreed, adReferendum, parked, openBrackets: openBrackets.length, bracketsBy };
}

/** "12 of 18 paragraphs agreed, 5 brackets open: China 2, Japan 1, ASEAN 2". */
export function progressSentence(p: Progress): string {
  const paragraphs = `${p.agreed} of ${p.paragraphs} ${p.paragraphs === 1 ? "paragraph" : "paragraphs"} agreed`;
  const adRef = p.adReferendum > 0 ? ` (${p.adReferendum} more ad referendum)` : "";
  if (p.openBrackets === 0) return `${paragraphs}${adRef}, no brackets open`;
  const brackets = `${p.openBrackets} ${p.openBrackets === 1 ? "bracket" : "brackets"} open: ${p.bracketsBy.map((b) => `${b.name} ${b.count}`).join(", ")}`;
  return `${paragraphs}${adRef}, ${brackets}`;
}

/** How a status reads on screen (the margin, the radio group, history). */
export const CLAUSE_STATUS_LABELS: Record<ClauseStatus, string> = {
  OPEN: "Open",
  AGREED_AD_REFERENDUM: "Agreed ad referendum",
  AGREED: "Agreed",
  PARKED: "Parked",
};
