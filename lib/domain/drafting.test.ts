import { describe, expect, it } from "vitest";
import {
  CLAUSE_STATUS_LABELS,
  MAX_OPEN_BRACKETS,
  MAX_OPTIONS_PER_BRACKET,
  isAgreedStatus,
  liftedByWithdrawal,
  mayAddOption,
  mayChangeParagraph,
  mayConfirm,
  mayDecideBracket,
  mayHold,
  mayPlaceBracket,
  mayRunReading,
  maySetStatus,
  maySupportOption,
  progressOf,
  progressSentence,
  readingChanges,
  statusAfterConfirmations,
  stepReading,
  type BracketFacts,
  type ParagraphChange,
} from "./drafting";
import type { Actor } from "./amendments";
import { CLAUSE_STATUSES, PROPOSAL_STATES, type ClauseStatus, type ProposalState, type Role } from "./vocabulary";

const chair: Actor = { userId: "chair", role: "MODERATOR", delegationId: null };
const china: Actor = { userId: "li", role: "DELEGATE", delegationId: "CHN" };
const japan: Actor = { userId: "sato", role: "DELEGATE", delegationId: "JPN" };
const unseated: Actor = { userId: "nobody", role: "DELEGATE", delegationId: null };
const observer: Actor = { userId: "obs", role: "OBSERVER", delegationId: null };
const ACTORS = { chair, china, japan, unseated, observer };
type ActorName = keyof typeof ACTORS;

const verdict = (v: { ok: true } | { ok: false; code: string }) => (v.ok ? "ok" : v.code);

/** China's open bracket, held by China alone, with one option. */
const held: BracketFacts = { status: "OPEN", holders: ["CHN"], options: 1 };
const closed = (status: BracketFacts["status"]): BracketFacts => ({ ...held, status });

describe("what a paragraph's status allows", () => {
  const CHANGES: ParagraphChange[] = ["edit", "amend", "bracket", "option", "comment"];
  const expected: Record<ClauseStatus, boolean> = { OPEN: true, PARKED: true, AGREED: false, AGREED_AD_REFERENDUM: false };
  it.each(CLAUSE_STATUSES.flatMap((s) => CHANGES.map((c) => [s, c] as const)))("%s × %s", (status, change) => {
    // Comments never change the text: allowed on agreed paragraphs too.
    expect(mayChangeParagraph(status, change)).toBe(change === "comment" ? true : expected[status]);
  });

  it.each(CLAUSE_STATUSES.map((s) => [s, s === "AGREED" || s === "AGREED_AD_REFERENDUM"] as const))("%s is agreed: %s", (status, agreed) => {
    expect(isAgreedStatus(status)).toBe(agreed);
  });

  it("has a label for every status", () => {
    expect(Object.keys(CLAUSE_STATUS_LABELS).sort()).toEqual([...CLAUSE_STATUSES].sort());
  });
});

describe("placing a bracket", () => {
  it.each<[ActorName, ProposalState, ClauseStatus, number, string]>([
    ["china", "DRAFTING", "OPEN", 0, "ok"],
    ["china", "DRAFTING", "PARKED", 0, "ok"],
    ["china", "DRAFTING", "AGREED", 0, "PARAGRAPH_AGREED"],
    ["china", "DRAFTING", "AGREED_AD_REFERENDUM", 0, "PARAGRAPH_AGREED"],
    ["china", "DRAFTING", "OPEN", MAX_OPEN_BRACKETS - 1, "ok"],
    ["china", "DRAFTING", "OPEN", MAX_OPEN_BRACKETS, "TOO_MANY"],
    ["china", "LOCKED", "OPEN", 0, "WRONG_STATE"],
    ["china", "VOTING", "OPEN", 0, "WRONG_STATE"],
    ["china", "ADOPTED", "OPEN", 0, "WRONG_STATE"],
    ["china", "WITHDRAWN", "OPEN", 0, "WRONG_STATE"],
    ["chair", "DRAFTING", "OPEN", 0, "FORBIDDEN"],
    ["unseated", "DRAFTING", "OPEN", 0, "FORBIDDEN"],
    ["observer", "DRAFTING", "OPEN", 0, "FORBIDDEN"],
  ])("%s, %s, paragraph %s, %i open → %s", (actor, state, paragraph, open, expected) => {
    expect(verdict(mayPlaceBracket(ACTORS[actor], state, paragraph, open))).toBe(expected);
  });
});

describe("joining and withdrawing a bracket", () => {
  it.each<[ActorName, BracketFacts, ProposalState, boolean, string]>([
    ["japan", held, "DRAFTING", true, "ok"],
    ["japan", held, "LOCKED", true, "ok"],
    ["japan", held, "VOTING", true, "WRONG_STATE"],
    ["japan", held, "ADOPTED", true, "WRONG_STATE"],
    ["china", held, "DRAFTING", true, "FORBIDDEN"], // already holds it
    ["china", held, "DRAFTING", false, "ok"],
    ["china", held, "LOCKED", false, "ok"],
    ["japan", held, "DRAFTING", false, "FORBIDDEN"], // does not hold it
    ["japan", closed("LIFTED"), "DRAFTING", true, "BRACKET_CLOSED"],
    ["china", closed("WITHDRAWN"), "DRAFTING", false, "BRACKET_CLOSED"],
    ["china", closed("AGREED"), "DRAFTING", false, "BRACKET_CLOSED"],
    ["chair", held, "DRAFTING", true, "FORBIDDEN"],
    ["unseated", held, "DRAFTING", true, "FORBIDDEN"],
    ["observer", held, "DRAFTING", false, "FORBIDDEN"],
  ])("%s on %o in %s, hold=%s → %s", (actor, bracket, state, hold, expected) => {
    expect(verdict(mayHold(ACTORS[actor], bracket, state, hold))).toBe(expected);
  });

  it.each([
    [[], true],
    [["JPN"], false],
    [["CHN", "JPN"], false],
  ])("holders left %o → lifted by withdrawal: %s", (holders, lifted) => {
    expect(liftedByWithdrawal(holders)).toBe(lifted);
  });
});

describe("options", () => {
  it.each<[ActorName, BracketFacts, ProposalState, ClauseStatus, string]>([
    ["japan", held, "DRAFTING", "OPEN", "ok"],
    ["china", held, "DRAFTING", "PARKED", "ok"],
    ["japan", held, "LOCKED", "OPEN", "WRONG_STATE"],
    ["japan", held, "VOTING", "OPEN", "WRONG_STATE"],
    ["japan", closed("LIFTED"), "DRAFTING", "OPEN", "BRACKET_CLOSED"],
    ["japan", held, "DRAFTING", "AGREED", "PARAGRAPH_AGREED"],
    ["japan", held, "DRAFTING", "AGREED_AD_REFERENDUM", "PARAGRAPH_AGREED"],
    ["japan", { ...held, options: MAX_OPTIONS_PER_BRACKET - 1 }, "DRAFTING", "OPEN", "ok"],
    ["japan", { ...held, options: MAX_OPTIONS_PER_BRACKET }, "DRAFTING", "OPEN", "TOO_MANY"],
    ["chair", held, "DRAFTING", "OPEN", "FORBIDDEN"],
    ["unseated", held, "DRAFTING", "OPEN", "FORBIDDEN"],
    ["observer", held, "DRAFTING", "OPEN", "FORBIDDEN"],
  ])("adding: %s on %o in %s, paragraph %s → %s", (actor, bracket, state, paragraph, expected) => {
    expect(verdict(mayAddOption(ACTORS[actor], bracket, state, paragraph))).toBe(expected);
  });

  it.each<[ActorName, BracketFacts, ProposalState, string]>([
    ["japan", held, "DRAFTING", "ok"],
    // A delegation that holds the bracket may still prefer one of its options.
    ["china", held, "DRAFTING", "ok"],
    ["japan", held, "LOCKED", "WRONG_STATE"],
    ["japan", closed("AGREED"), "DRAFTING", "BRACKET_CLOSED"],
    ["chair", held, "DRAFTING", "FORBIDDEN"],
    ["unseated", held, "DRAFTING", "FORBIDDEN"],
    ["observer", held, "DRAFTING", "FORBIDDEN"],
  ])("supporting: %s on %o in %s → %s", (actor, bracket, state, expected) => {
    expect(verdict(maySupportOption(ACTORS[actor], bracket, state))).toBe(expected);
  });
});

describe("the chair agreeing on an option or lifting a bracket", () => {
  it.each<[ActorName, BracketFacts, ProposalState, ClauseStatus, string]>([
    ["chair", held, "DRAFTING", "OPEN", "ok"],
    ["chair", held, "DRAFTING", "PARKED", "ok"],
    ["chair", held, "LOCKED", "OPEN", "WRONG_STATE"],
    ["chair", held, "VOTING", "OPEN", "WRONG_STATE"],
    ["chair", closed("WITHDRAWN"), "DRAFTING", "OPEN", "BRACKET_CLOSED"],
    ["chair", closed("LIFTED"), "DRAFTING", "OPEN", "BRACKET_CLOSED"],
    ["chair", held, "DRAFTING", "AGREED", "PARAGRAPH_AGREED"],
    ["china", held, "DRAFTING", "OPEN", "FORBIDDEN"],
    ["observer", held, "DRAFTING", "OPEN", "FORBIDDEN"],
  ])("%s on %o in %s, paragraph %s → %s", (actor, bracket, state, paragraph, expected) => {
    expect(verdict(mayDecideBracket(ACTORS[actor], bracket, state, paragraph))).toBe(expected);
  });
});

describe("setting a paragraph's status", () => {
  it.each<[ActorName, ProposalState, ClauseStatus, number, string]>([
    ["chair", "DRAFTING", "AGREED", 0, "ok"],
    ["chair", "LOCKED", "AGREED", 0, "ok"],
    ["chair", "DRAFTING", "AGREED_AD_REFERENDUM", 0, "ok"],
    ["chair", "DRAFTING", "AGREED", 1, "BRACKETS_OPEN"],
    ["chair", "DRAFTING", "AGREED_AD_REFERENDUM", 2, "BRACKETS_OPEN"],
    // Parking or reopening a paragraph with brackets in it is fine: it says nothing is settled.
    ["chair", "DRAFTING", "PARKED", 3, "ok"],
    ["chair", "DRAFTING", "OPEN", 3, "ok"],
    ["chair", "VOTING", "OPEN", 0, "WRONG_STATE"],
    ["chair", "ADOPTED", "AGREED", 0, "WRONG_STATE"],
    ["chair", "WITHDRAWN", "PARKED", 0, "WRONG_STATE"],
    ["china", "DRAFTING", "AGREED", 0, "FORBIDDEN"],
    ["observer", "DRAFTING", "OPEN", 0, "FORBIDDEN"],
  ])("%s in %s → %s with %i open brackets → %s", (actor, state, to, open, expected) => {
    expect(verdict(maySetStatus(ACTORS[actor], state, to, open))).toBe(expected);
  });
});

describe("confirming for one's capital", () => {
  const awaitingChina = [
    { delegationId: "CHN", confirmed: false },
    { delegationId: "JPN", confirmed: false },
  ];
  it.each<[ActorName, ClauseStatus, { delegationId: string; confirmed: boolean }[], string]>([
    ["china", "AGREED_AD_REFERENDUM", awaitingChina, "ok"],
    ["japan", "AGREED_AD_REFERENDUM", awaitingChina, "ok"],
    ["china", "AGREED_AD_REFERENDUM", [{ delegationId: "CHN", confirmed: true }], "NOT_AWAITED"], // already confirmed
    ["china", "AGREED_AD_REFERENDUM", [{ delegationId: "JPN", confirmed: false }], "NOT_AWAITED"], // not awaited
    ["china", "AGREED", awaitingChina, "NOT_AWAITED"],
    ["china", "OPEN", [], "NOT_AWAITED"],
    ["chair", "AGREED_AD_REFERENDUM", awaitingChina, "FORBIDDEN"],
    ["unseated", "AGREED_AD_REFERENDUM", awaitingChina, "FORBIDDEN"],
    ["observer", "AGREED_AD_REFERENDUM", awaitingChina, "FORBIDDEN"],
  ])("%s, paragraph %s, awaiting %o → %s", (actor, status, awaiting, expected) => {
    expect(verdict(mayConfirm(ACTORS[actor], status, awaiting))).toBe(expected);
  });

  it.each<[{ confirmed: boolean }[], ClauseStatus]>([
    [[], "AGREED_AD_REFERENDUM"], // nobody awaited: nothing can complete it
    [[{ confirmed: false }], "AGREED_AD_REFERENDUM"],
    [[{ confirmed: true }, { confirmed: false }], "AGREED_AD_REFERENDUM"],
    [[{ confirmed: true }], "AGREED"],
    [[{ confirmed: true }, { confirmed: true }], "AGREED"],
  ])("confirmations %o → %s", (awaiting, status) => {
    expect(statusAfterConfirmations(awaiting)).toBe(status);
  });
});

describe("readings", () => {
  const ROLES: Role[] = ["MODERATOR", "DELEGATE", "OBSERVER"];
  it.each(ROLES.flatMap((r) => PROPOSAL_STATES.map((s) => [r, s] as const)))("%s runs a reading in %s", (role, state) => {
    const allowed = role === "MODERATOR" && (state === "DRAFTING" || state === "LOCKED");
    const expected = allowed ? "ok" : role === "MODERATOR" ? "WRONG_STATE" : "FORBIDDEN";
    expect(verdict(mayRunReading(role, state))).toBe(expected);
  });

  const keys = ["1:0", "1:5", "2:0"];
  it.each<[readonly string[], string | null, "next" | "previous", string | null]>([
    [keys, "1:0", "next", "1:5"],
    [keys, "1:5", "next", "2:0"],
    [keys, "2:0", "next", "2:0"], // stays at the end
    [keys, "2:0", "previous", "1:5"],
    [keys, "1:0", "previous", "1:0"], // stays at the start
    [keys, null, "next", "1:0"],
    [keys, "9:9", "next", "1:0"], // the paragraph read was deleted: from the top
    [keys, "9:9", "previous", "1:0"],
    [[], "1:0", "next", null],
    [[], null, "previous", null],
    [["1:0"], "1:0", "next", "1:0"],
  ])("in %o from %s, %s → %s", (list, current, direction, expected) => {
    expect(stepReading(list, current, direction)).toBe(expected);
  });

  it("summarises what changed status, in text order, numbering paragraphs as they are now", () => {
    const order = ["a", "b", "c", "d"];
    const before = { b: "PARKED", c: "AGREED", gone: "AGREED" } as const;
    const after = { a: "AGREED", b: "PARKED", d: "AGREED_AD_REFERENDUM" } as const;
    expect(readingChanges(order, before, after)).toEqual([
      { key: "a", number: 1, from: "OPEN", to: "AGREED" },
      { key: "c", number: 3, from: "AGREED", to: "OPEN" },
      { key: "d", number: 4, from: "OPEN", to: "AGREED_AD_REFERENDUM" },
    ]);
  });

  it("summarises nothing when nothing changed", () => {
    expect(readingChanges(["a"], {}, {})).toEqual([]);
    expect(readingChanges([], { a: "AGREED" }, { a: "OPEN" })).toEqual([]);
  });
});

describe("progress", () => {
  const statuses = new Map<string, ClauseStatus>([
    ["p1", "AGREED"],
    ["p2", "AGREED_AD_REFERENDUM"],
    ["p3", "PARKED"],
    ["p4", "OPEN"],
    // No longer in the text: not counted.
    ["gone", "AGREED"],
  ]);

  it("counts the statuses of the paragraphs the text has, and open brackets by delegation, most first then by name", () => {
    const brackets = [{ delegationName: "Japan" }, { delegationName: "China" }, { delegationName: "ASEAN" }, { delegationName: "China" }, { delegationName: null }];
    expect(progressOf(["p1", "p2", "p3", "p4", "p5"], statuses, brackets)).toEqual({
      paragraphs: 5,
      agreed: 1,
      adReferendum: 1,
      parked: 1,
      openBrackets: 5,
      bracketsBy: [
        { name: "China", count: 2 },
        { name: "ASEAN", count: 1 },
        { name: "Chair", count: 1 },
        { name: "Japan", count: 1 },
      ],
    });
  });

  it("is all zeros for an empty text", () => {
    expect(progressOf([], statuses, [])).toEqual({ paragraphs: 0, agreed: 0, adReferendum: 0, parked: 0, openBrackets: 0, bracketsBy: [] });
  });

  it.each([
    [{ paragraphs: 18, agreed: 12, adReferendum: 0, parked: 0, openBrackets: 5, bracketsBy: [{ name: "China", count: 2 }, { name: "ASEAN", count: 2 }, { name: "Japan", count: 1 }] }, "12 of 18 paragraphs agreed, 5 brackets open: China 2, ASEAN 2, Japan 1"],
    [{ paragraphs: 1, agreed: 0, adReferendum: 0, parked: 1, openBrackets: 0, bracketsBy: [] }, "0 of 1 paragraph agreed, no brackets open"],
    [{ paragraphs: 4, agreed: 2, adReferendum: 1, parked: 0, openBrackets: 1, bracketsBy: [{ name: "Japan", count: 1 }] }, "2 of 4 paragraphs agreed (1 more ad referendum), 1 bracket open: Japan 1"],
  ])("reads %o as %s", (progress, sentence) => {
    expect(progressSentence(progress)).toBe(sentence);
  });
});
