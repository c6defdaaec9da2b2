// The drafting panels' rules, without React, the editor or the socket: the order brackets are
// listed in, how a bracket, a status, a reading and a request for the floor are put into words,
// and which controls a viewer gets. The controls follow lib/domain/drafting.ts, so a button never
// offers what the server would refuse. Words come from the drafting catalogue: each helper takes
// the reader's words (use-drafting-words.ts), English when none are given.
import { ENGLISH_WORDS, joined, type DraftingWords } from "../words";
import { isAgreedStatus, mayAddOption, mayDecideBracket, mayHold, mayRunReading, maySetStatus, maySupportOption } from "@/lib/domain/drafting";
import type { Actor } from "@/lib/domain/amendments";
import type { ClauseStatus, ProposalState } from "@/lib/domain/vocabulary";
import type { BracketView, ClauseView, LiveFloorEntry, ReadingView } from "@/lib/protocol";

/** How many counted paragraphs there are, their numbers and first words (see use-paragraphs.ts). */
export type ParagraphIndex = {
  /** Counted paragraphs' keys in text order (what a reading steps through). */
  keys: readonly string[];
  /** 1-based number of each counted paragraph. */
  number: ReadonlyMap<string, number>;
  /** Position of every unit (headings included) in the text, for ordering brackets. */
  unitIndex: ReadonlyMap<string, number>;
  /** Each unit's text. */
  text: ReadonlyMap<string, string>;
};

export const EMPTY_INDEX: ParagraphIndex = { keys: [], number: new Map(), unitIndex: new Map(), text: new Map() };

/** The index of a list of units as lib/document/clauses.ts gives them. */
export function indexParagraphs(units: readonly { key: string; text: string; counted: boolean }[]): ParagraphIndex {
  const keys: string[] = [];
  const number = new Map<string, number>();
  const unitIndex = new Map<string, number>();
  const text = new Map<string, string>();
  units.forEach((u, i) => {
    unitIndex.set(u.key, i);
    text.set(u.key, u.text);
    if (u.counted) {
      keys.push(u.key);
      number.set(u.key, keys.length);
    }
  });
  return { keys, number, unitIndex, text };
}

/** "Paragraph 3 of 18", or null for a unit that is not a counted paragraph. */
export function paragraphPosition(index: ParagraphIndex, key: string | null, w: DraftingWords = ENGLISH_WORDS): string | null {
  const n = key ? index.number.get(key) : undefined;
  return n ? w.t("paragraphPanel.position", { number: n, total: index.keys.length }) : null;
}

/** The first few words of a paragraph, for naming it beside a button ("The Parties shall…"). */
export function firstWords(text: string, words = 8): string {
  const all = text.trim().split(/\s+/).filter(Boolean);
  if (all.length <= words) return all.join(" ");
  return `${all.slice(0, words).join(" ")}…`;
}

// ---- Brackets ------------------------------------------------------------------------------

/**
 * Brackets as the text reads: by their paragraph's place, then where the passage starts in it,
 * then the older first. Those whose paragraph is gone come last, oldest first.
 */
export function bracketsInTextOrder<B extends Pick<BracketView, "id" | "clauseKey" | "createdAt">>(
  brackets: readonly B[],
  unitIndex: ReadonlyMap<string, number>,
  offsetOf: (b: B) => number | null,
): B[] {
  const placed = brackets.map((b) => ({ b, unit: unitIndex.get(b.clauseKey) ?? null, offset: offsetOf(b) ?? 0 }));
  placed.sort((x, y) => {
    if (x.unit !== null && y.unit === null) return -1;
    if (x.unit === null && y.unit !== null) return 1;
    if (x.unit !== null && y.unit !== null && x.unit !== y.unit) return x.unit - y.unit;
    if (x.unit !== null && x.offset !== y.offset) return x.offset - y.offset;
    if (x.b.createdAt !== y.b.createdAt) return x.b.createdAt < y.b.createdAt ? -1 : 1;
    return x.b.id < y.b.id ? -1 : x.b.id > y.b.id ? 1 : 0;
  });
  return placed.map((p) => p.b);
}

/** The number an option goes by: the bracketed text is option 1, the alternatives 2, 3… */
export function optionNumber(bracket: Pick<BracketView, "options">, optionId: string | null): number {
  if (optionId === null) return 1;
  const i = bracket.options.findIndex((o) => o.id === optionId);
  return i === -1 ? 1 : i + 2;
}

/** "China, Japan and ASEAN" (names of delegations not known read "a delegation"). */
export function namesList(ids: readonly string[], names: ReadonlyMap<string, string>, w: DraftingWords = ENGLISH_WORDS): string {
  return w.list(ids.map((id) => names.get(id) ?? w.t("common.aDelegation")));
}

/** "Held by China, Japan" — the placing delegation first, as the server lists them. */
export function holdersSentence(holders: readonly string[], names: ReadonlyMap<string, string>, w: DraftingWords = ENGLISH_WORDS): string {
  if (holders.length === 0) return w.t("bracketCard.heldByNone");
  return w.t("bracketCard.heldBy", { names: joined(w, holders.map((id) => names.get(id) ?? w.t("common.aDelegation"))) });
}

/** How a bracket was resolved ("Agreed on option 2 by Chair Name"), or null while open. */
export function resolutionSentence(b: Pick<BracketView, "status" | "options" | "agreedOptionId" | "resolvedBy">, w: DraftingWords = ENGLISH_WORDS): string | null {
  const name = b.resolvedBy?.name ?? w.t("common.theChair");
  switch (b.status) {
    case "OPEN":
      return null;
    case "AGREED":
      return w.t("bracketCard.agreedOnOption", { number: optionNumber(b, b.agreedOptionId), name });
    case "LIFTED":
      return w.t("bracketCard.liftedBy", { name });
    case "WITHDRAWN":
      return w.t("bracketCard.withdrawnByHolders");
  }
}

export type BracketControls = {
  join: boolean;
  withdraw: boolean;
  addOption: boolean;
  support: boolean;
  agree: boolean;
  lift: boolean;
  /** The placing delegation may write the reason. */
  reason: boolean;
};

export const NO_BRACKET_CONTROLS: BracketControls = { join: false, withdraw: false, addOption: false, support: false, agree: false, lift: false, reason: false };

/** What a viewer may do with a bracket now, by the domain's rules (the server checks again). */
export function bracketControls(
  actor: Actor | null,
  b: Pick<BracketView, "status" | "holders" | "options" | "delegation">,
  state: ProposalState | null,
  paragraph: ClauseStatus,
): BracketControls {
  if (!actor || !state) return NO_BRACKET_CONTROLS;
  const facts = { status: b.status, holders: b.holders, options: b.options.length };
  return {
    join: mayHold(actor, facts, state, true).ok,
    withdraw: mayHold(actor, facts, state, false).ok,
    addOption: mayAddOption(actor, facts, state, paragraph).ok,
    support: maySupportOption(actor, facts, state).ok,
    agree: mayDecideBracket(actor, facts, state, paragraph).ok,
    lift: mayDecideBracket(actor, facts, state, paragraph).ok,
    reason: actor.role === "DELEGATE" && actor.delegationId !== null && b.delegation?.id === actor.delegationId && b.status === "OPEN" && state === "DRAFTING",
  };
}

// ---- Paragraph status ----------------------------------------------------------------------

export type StatusChoice = { status: ClauseStatus; label: string; disabled: boolean };

/** The status radios in their order, with the agreed ones disabled while brackets are open. */
export function statusChoices(actor: Actor | null, state: ProposalState | null, openBracketsInParagraph: number, w: DraftingWords = ENGLISH_WORDS): StatusChoice[] {
  const statuses: ClauseStatus[] = ["OPEN", "AGREED_AD_REFERENDUM", "AGREED", "PARKED"];
  return statuses.map((status) => ({
    status,
    label: w.t(`status.${status}`),
    disabled: !actor || !state || !maySetStatus(actor, state, status, openBracketsInParagraph).ok,
  }));
}

/** Whether the viewer sets statuses (the chair, while the text is drafting or locked). */
export function maySetStatuses(actor: Actor | null, state: ProposalState | null): boolean {
  return Boolean(actor && state && maySetStatus(actor, state, "OPEN", 0).ok);
}

/** "Reopen paragraph" is offered on an agreed paragraph (ad referendum or not). */
export function mayReopen(status: ClauseStatus): boolean {
  return isAgreedStatus(status);
}

/** For everyone else: the status in words, with who still has to confirm. */
export function statusSentence(clause: Pick<ClauseView, "status" | "awaiting"> | null, names: ReadonlyMap<string, string>, w: DraftingWords = ENGLISH_WORDS): string {
  const status = clause?.status ?? "OPEN";
  const label = w.t(`status.${status}`);
  if (status !== "AGREED_AD_REFERENDUM" || !clause) return label;
  const pending = clause.awaiting.filter((a) => a.confirmedAt === null).map((a) => a.delegationId);
  if (pending.length === 0) return label;
  return w.t("paragraphPanel.statusAwaiting", { status: label, delegations: namesList(pending, names, w) });
}

/** The awaited list with one delegation added or taken out (for re-sending clause:status). */
export function toggledAwaiting(awaiting: readonly string[], delegationId: string, on: boolean): string[] {
  const rest = awaiting.filter((id) => id !== delegationId);
  return on ? [...rest, delegationId] : rest;
}

export type PendingConfirmation = { key: string; number: number; words: string };

/** Paragraphs agreed ad referendum still awaiting this delegation's capital, in text order. */
export function awaitingMyCapital(clauses: Iterable<ClauseView>, delegationId: string | null, index: ParagraphIndex): PendingConfirmation[] {
  if (!delegationId) return [];
  const out: PendingConfirmation[] = [];
  for (const c of clauses) {
    if (c.status !== "AGREED_AD_REFERENDUM") continue;
    if (!c.awaiting.some((a) => a.delegationId === delegationId && a.confirmedAt === null)) continue;
    // A paragraph no longer in the text cannot be confirmed (the server would refuse).
    const number = index.number.get(c.key);
    if (!number) continue;
    out.push({ key: c.key, number, words: firstWords(index.text.get(c.key) ?? "") });
  }
  return out.sort((a, b) => a.number - b.number);
}

// ---- Reading -------------------------------------------------------------------------------

/** Whether the viewer runs readings (the chair, while drafting or locked). */
export function mayRead(actor: Actor | null, state: ProposalState | null): boolean {
  return Boolean(actor && state && mayRunReading(actor.role, state).ok);
}

/** "Reading ended: ¶2 Open → Agreed, ¶5 Open → Parked", or that nothing changed. */
export function readingSummary(changes: ReadingView["changes"], w: DraftingWords = ENGLISH_WORDS): string {
  if (changes.length === 0) return w.t("readingPanel.endedNoChange");
  const parts = [...changes]
    .sort((a, b) => a.number - b.number)
    .map((c) => w.t("readingPanel.change", { number: c.number, from: w.t(`status.${c.from}`), to: w.t(`status.${c.to}`) }));
  return w.t("readingPanel.ended", { changes: joined(w, parts) });
}

/** A reading that ended this long ago is still summarised to a tab that opens now. */
export const RECENT_READING_MS = 15 * 60_000;

/** The summary to show: a reading seen ending here, or one that ended a moment ago. */
export function endedReadingToShow(reading: ReadingView | null, seenEnding: string | null, now: number): ReadingView | null {
  if (!reading || reading.active || !reading.endedAt) return null;
  if (reading.id === seenEnding) return reading;
  return now - Date.parse(reading.endedAt) < RECENT_READING_MS ? reading : null;
}

// ---- Speaking queue ------------------------------------------------------------------------

/** "on paragraph 3": a request made during a reading of the proposal on the floor. */
export function floorParagraphNote(entry: Pick<LiveFloorEntry, "paragraph">, currentProposalId: string | null, w: DraftingWords = ENGLISH_WORDS): string | null {
  const p = entry.paragraph;
  if (!p || !currentProposalId || p.proposalId !== currentProposalId) return null;
  return w.t("floor.onParagraph", { number: p.number });
}
