import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/amendments";
import type { BracketView, ClauseView } from "@/lib/protocol";
import {
  awaitingMyCapital,
  bracketControls,
  bracketsInTextOrder,
  endedReadingToShow,
  firstWords,
  floorParagraphNote,
  holdersSentence,
  indexParagraphs,
  mayRead,
  mayReopen,
  maySetStatuses,
  namesList,
  optionNumber,
  paragraphPosition,
  readingSummary,
  resolutionSentence,
  statusChoices,
  statusSentence,
  toggledAwaiting,
  RECENT_READING_MS,
} from "./drafting-logic";

const chair: Actor = { userId: "u-chair", role: "MODERATOR", delegationId: null };
const china: Actor = { userId: "u-chn", role: "DELEGATE", delegationId: "chn" };
const japan: Actor = { userId: "u-jpn", role: "DELEGATE", delegationId: "jpn" };
const observer: Actor = { userId: "u-obs", role: "OBSERVER", delegationId: null };
const names = new Map([
  ["chn", "China"],
  ["jpn", "Japan"],
  ["asean", "ASEAN"],
]);

function bracket(over: Partial<BracketView> = {}): BracketView {
  return {
    id: "b1",
    clauseKey: "1:3",
    from: new Uint8Array(),
    to: new Uint8Array(),
    passage: "within twelve months",
    reason: null,
    status: "OPEN",
    delegation: { id: "chn", name: "China", code: "CHN", colour: "#c2410c" },
    placedBy: { id: "u-chn", name: "Li" },
    holders: ["chn"],
    options: [],
    createdAt: "2026-12-01T10:00:00.000Z",
    resolvedAt: null,
    resolvedBy: null,
    agreedOptionId: null,
    ...over,
  };
}

const option = (id: string, supporters: string[]) => ({ id, text: `text ${id}`, delegation: null, author: { id: "u", name: "U" }, supporters, createdAt: "2026-12-01T10:00:00.000Z" });

const index = indexParagraphs([
  { key: "1:0", text: "Preamble", counted: false },
  { key: "1:1", text: "The Parties recognise that the pandemic disrupted regional production networks.", counted: true },
  { key: "1:2", text: "", counted: false },
  { key: "1:3", text: "The Parties shall establish a joint assessment mechanism within twelve months.", counted: true },
]);

describe("paragraphs", () => {
  it("numbers counted paragraphs only, and keeps every unit's place", () => {
    expect(index.keys).toEqual(["1:1", "1:3"]);
    expect(index.number.get("1:3")).toBe(2);
    expect(index.number.get("1:0")).toBeUndefined();
    expect(index.unitIndex.get("1:3")).toBe(3);
  });
  it("says where a paragraph is, and nothing for a heading or an unknown key", () => {
    expect(paragraphPosition(index, "1:3")).toBe("Paragraph 2 of 2");
    expect(paragraphPosition(index, "1:0")).toBeNull();
    expect(paragraphPosition(index, null)).toBeNull();
  });
  it("shortens to the first words", () => {
    expect(firstWords("  a b  c ", 8)).toBe("a b c");
    expect(firstWords("one two three four", 2)).toBe("one two…");
  });
});

describe("brackets in text order", () => {
  it("orders by paragraph, then by offset, then by age; gone paragraphs last", () => {
    const list = [
      bracket({ id: "late", clauseKey: "1:3", createdAt: "2026-12-01T11:00:00.000Z" }),
      bracket({ id: "gone", clauseKey: "9:9", createdAt: "2026-12-01T09:00:00.000Z" }),
      bracket({ id: "early-para", clauseKey: "1:1" }),
      bracket({ id: "start", clauseKey: "1:3", createdAt: "2026-12-01T12:00:00.000Z" }),
      bracket({ id: "same-offset-older", clauseKey: "1:3", createdAt: "2026-12-01T10:30:00.000Z" }),
    ];
    const offsets: Record<string, number> = { late: 40, start: 3, "same-offset-older": 40, "early-para": 10 };
    const ordered = bracketsInTextOrder(list, index.unitIndex, (b) => offsets[b.id] ?? null);
    expect(ordered.map((b) => b.id)).toEqual(["early-para", "start", "same-offset-older", "late", "gone"]);
  });
});

describe("bracket words", () => {
  it("numbers options from the bracketed text", () => {
    const b = bracket({ options: [option("o1", []), option("o2", [])] });
    expect(optionNumber(b, null)).toBe(1);
    expect(optionNumber(b, "o2")).toBe(3);
  });
  it("names holders in their order", () => {
    expect(holdersSentence(["chn", "jpn"], names)).toBe("Held by China, Japan");
    expect(holdersSentence(["zzz"], names)).toBe("Held by a delegation");
    expect(namesList(["chn", "jpn", "asean"], names)).toBe("China, Japan and ASEAN");
  });
  it("says how a bracket was resolved", () => {
    const by = { id: "u-chair", name: "Chair Name" };
    expect(resolutionSentence(bracket())).toBeNull();
    expect(resolutionSentence(bracket({ status: "AGREED", agreedOptionId: "o1", options: [option("o1", [])], resolvedBy: by }))).toBe("Agreed on option 2 by Chair Name");
    expect(resolutionSentence(bracket({ status: "AGREED", agreedOptionId: null, resolvedBy: by }))).toBe("Agreed on option 1 by Chair Name");
    expect(resolutionSentence(bracket({ status: "LIFTED", resolvedBy: by }))).toBe("Lifted by Chair Name");
    expect(resolutionSentence(bracket({ status: "WITHDRAWN" }))).toBe("Withdrawn by its holders");
  });
});

describe("bracket controls by role", () => {
  const b = bracket({ options: [option("o1", ["jpn"])] });
  it("a holding delegation withdraws, adds and supports options, writes the reason", () => {
    expect(bracketControls(china, b, "DRAFTING", "OPEN")).toEqual({ join: false, withdraw: true, addOption: true, support: true, agree: false, lift: false, reason: true });
  });
  it("another delegation joins, adds and supports options, but no reason", () => {
    expect(bracketControls(japan, b, "DRAFTING", "OPEN")).toEqual({ join: true, withdraw: false, addOption: true, support: true, agree: false, lift: false, reason: false });
  });
  it("the chair agrees and lifts only", () => {
    expect(bracketControls(chair, b, "DRAFTING", "OPEN")).toEqual({ join: false, withdraw: false, addOption: false, support: false, agree: true, lift: true, reason: false });
  });
  it("an observer, a closed bracket or a decided proposal offer nothing", () => {
    const none = { join: false, withdraw: false, addOption: false, support: false, agree: false, lift: false, reason: false };
    expect(bracketControls(observer, b, "DRAFTING", "OPEN")).toEqual(none);
    expect(bracketControls(china, bracket({ status: "LIFTED" }), "DRAFTING", "OPEN")).toEqual(none);
    expect(bracketControls(chair, b, "ADOPTED", "OPEN")).toEqual(none);
    expect(bracketControls(null, b, "DRAFTING", "OPEN")).toEqual(none);
  });
  it("while locked, holds change but options and decisions wait", () => {
    const c = bracketControls(japan, b, "LOCKED", "OPEN");
    expect(c.join).toBe(true);
    expect(c.addOption).toBe(false);
    expect(bracketControls(chair, b, "LOCKED", "OPEN").agree).toBe(false);
  });
  it("an agreed paragraph takes no new option nor decision", () => {
    expect(bracketControls(japan, b, "DRAFTING", "AGREED").addOption).toBe(false);
    expect(bracketControls(chair, b, "DRAFTING", "AGREED_AD_REFERENDUM").lift).toBe(false);
  });
});

describe("paragraph status", () => {
  it("lists the four statuses, the agreed ones disabled while brackets are open", () => {
    expect(statusChoices(chair, "DRAFTING", 0).map((c) => [c.label, c.disabled])).toEqual([
      ["Open", false],
      ["Agreed ad referendum", false],
      ["Agreed", false],
      ["Parked", false],
    ]);
    expect(statusChoices(chair, "DRAFTING", 2).filter((c) => c.disabled).map((c) => c.status)).toEqual(["AGREED_AD_REFERENDUM", "AGREED"]);
  });
  it("only the chair sets statuses, not once decided", () => {
    expect(maySetStatuses(chair, "DRAFTING")).toBe(true);
    expect(maySetStatuses(chair, "LOCKED")).toBe(true);
    expect(maySetStatuses(chair, "VOTING")).toBe(false);
    expect(maySetStatuses(china, "DRAFTING")).toBe(false);
    expect(maySetStatuses(null, "DRAFTING")).toBe(false);
  });
  it("offers reopening for agreed paragraphs only", () => {
    expect(mayReopen("AGREED")).toBe(true);
    expect(mayReopen("AGREED_AD_REFERENDUM")).toBe(true);
    expect(mayReopen("PARKED")).toBe(false);
    expect(mayReopen("OPEN")).toBe(false);
  });
  it("says who still has to confirm", () => {
    const clause = { status: "AGREED_AD_REFERENDUM" as const, awaiting: [
      { delegationId: "chn", code: "CHN", confirmedAt: null },
      { delegationId: "jpn", code: "JPN", confirmedAt: "2026-12-01T10:00:00.000Z" },
      { delegationId: "asean", code: "ASEAN", confirmedAt: null },
    ] };
    expect(statusSentence(clause, names)).toBe("Agreed ad referendum, awaiting confirmation from China and ASEAN");
    expect(statusSentence(null, names)).toBe("Open");
    expect(statusSentence({ status: "PARKED", awaiting: [] }, names)).toBe("Parked");
  });
  it("adds and removes an awaited delegation", () => {
    expect(toggledAwaiting(["chn"], "asean", true)).toEqual(["chn", "asean"]);
    expect(toggledAwaiting(["chn", "asean"], "chn", false)).toEqual(["asean"]);
    expect(toggledAwaiting(["chn"], "chn", true)).toEqual(["chn"]);
  });
  it("lists the paragraphs awaiting my capital in text order, skipping confirmed and vanished ones", () => {
    const clause = (key: string, awaiting: ClauseView["awaiting"], status: ClauseView["status"] = "AGREED_AD_REFERENDUM"): ClauseView => ({ key, status, awaiting, setBy: null, updatedAt: "" });
    const clauses = [
      clause("1:3", [{ delegationId: "chn", code: "CHN", confirmedAt: null }]),
      clause("1:1", [{ delegationId: "chn", code: "CHN", confirmedAt: null }]),
      clause("9:9", [{ delegationId: "chn", code: "CHN", confirmedAt: null }]),
      clause("1:0", [{ delegationId: "chn", code: "CHN", confirmedAt: "x" }]),
      clause("1:2", [{ delegationId: "jpn", code: "JPN", confirmedAt: null }]),
    ];
    expect(awaitingMyCapital(clauses, "chn", index).map((p) => [p.number, p.words])).toEqual([
      [1, "The Parties recognise that the pandemic disrupted regional…"],
      [2, "The Parties shall establish a joint assessment mechanism…"],
    ]);
    expect(awaitingMyCapital(clauses, null, index)).toEqual([]);
  });
});

describe("reading", () => {
  it("only the chair runs a reading, while drafting or locked", () => {
    expect(mayRead(chair, "DRAFTING")).toBe(true);
    expect(mayRead(chair, "ADOPTED")).toBe(false);
    expect(mayRead(china, "DRAFTING")).toBe(false);
  });
  it("summarises what changed status", () => {
    expect(readingSummary([])).toBe("Reading ended: no paragraph changed status");
    expect(
      readingSummary([
        { key: "b", number: 5, from: "OPEN", to: "PARKED" },
        { key: "a", number: 2, from: "OPEN", to: "AGREED" },
      ]),
    ).toBe("Reading ended: ¶2 Open → Agreed, ¶5 Open → Parked");
  });
  it("shows a reading's summary when seen ending, or when it ended a moment ago", () => {
    const ended = { id: "r1", active: false, currentKey: null, startedAt: "", endedAt: "2026-12-01T10:00:00.000Z", changes: [] };
    const at = Date.parse(ended.endedAt);
    expect(endedReadingToShow(ended, null, at + 1000)).toBe(ended);
    expect(endedReadingToShow(ended, null, at + RECENT_READING_MS + 1)).toBeNull();
    expect(endedReadingToShow(ended, "r1", at + RECENT_READING_MS * 10)).toBe(ended);
    expect(endedReadingToShow({ ...ended, active: true, endedAt: null }, "r1", at)).toBeNull();
    expect(endedReadingToShow(null, null, at)).toBeNull();
  });
});

describe("speaking queue", () => {
  it("names the paragraph for the proposal on the floor only", () => {
    expect(floorParagraphNote({ paragraph: { proposalId: "p1", number: 3 } }, "p1")).toBe("on paragraph 3");
    expect(floorParagraphNote({ paragraph: { proposalId: "p2", number: 3 } }, "p1")).toBeNull();
    expect(floorParagraphNote({ paragraph: null }, "p1")).toBeNull();
    expect(floorParagraphNote({ paragraph: { proposalId: "p1", number: 3 } }, null)).toBeNull();
  });
});
