import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { readCatalogue } from "@/lib/i18n/messages";
import { EditorState, NodeSelection, TextSelection, AllSelection } from "@tiptap/pm/state";
import { documentSchema } from "@/lib/document/schema";
import {
  commentableRange,
  filterCounts,
  filterShowing,
  filterThreads,
  inOrder,
  isOnDeletedText,
  keepOrder,
  orderThreads,
  safeColour,
  shortQuote,
  textOrder,
  visibilityBadge,
  type CommentsT,
  type TextRange,
} from "./thread-logic";

const schema = documentSchema();
const p = (text: string) => schema.node("paragraph", null, text ? [schema.text(text)] : []);
// <p>Ports shall open.</p><p>Tariffs fall.</p>: the first paragraph's text is 1..18, the second's 20..33.
const doc = schema.node("doc", null, [p("Ports shall open."), p("Tariffs fall.")]);
const stateWith = (make: (d: typeof doc) => EditorState["selection"]) => EditorState.create({ doc, selection: make(doc) });

describe("commentableRange", () => {
  it("takes a non-empty selection inside one paragraph", () => {
    expect(commentableRange(stateWith((d) => TextSelection.create(d, 1, 6)))).toEqual({ from: 1, to: 6 });
    // Backwards (head before anchor) is the same passage.
    expect(commentableRange(stateWith((d) => TextSelection.create(d, 6, 1)))).toEqual({ from: 1, to: 6 });
  });

  it("refuses an empty selection, one across paragraphs, only spaces, or a non-text selection", () => {
    expect(commentableRange(stateWith((d) => TextSelection.create(d, 3)))).toBeNull();
    expect(commentableRange(stateWith((d) => TextSelection.create(d, 10, 24)))).toBeNull();
    expect(commentableRange(stateWith((d) => TextSelection.create(d, 6, 7)))).toBeNull(); // " "
    expect(commentableRange(stateWith((d) => NodeSelection.create(d, 0)))).toBeNull();
    expect(commentableRange(stateWith((d) => new AllSelection(d)))).toBeNull();
  });
});

describe("isOnDeletedText", () => {
  it("is deleted when the anchors do not resolve, or meet although the passage had text", () => {
    expect(isOnDeletedText(null, "ports")).toBe(true);
    expect(isOnDeletedText(undefined, "ports")).toBe(true);
    expect(isOnDeletedText({ from: 5, to: 5 }, "ports")).toBe(true);
    expect(isOnDeletedText({ from: 5, to: 9 }, "ports")).toBe(false);
    // A thread on an empty passage (a point) is not on deleted text while its point resolves.
    expect(isOnDeletedText({ from: 5, to: 5 }, "")).toBe(false);
  });
});

type T = { id: string; createdAt: string; resolved: boolean };
const t = (id: string, createdAt: string, resolved = false): T => ({ id, createdAt, resolved });

describe("orderThreads", () => {
  it("orders by passage in the text, the longer of two at one place first, then the older", () => {
    const threads = [t("late", "2026-01-01T10:05:00Z"), t("b", "2026-01-01T10:00:00Z"), t("a", "2026-01-01T10:01:00Z"), t("wide", "2026-01-01T10:09:00Z"), t("same", "2026-01-01T09:00:00Z")];
    const ranges = new Map<string, TextRange | null>([
      ["late", { from: 30, to: 33 }],
      ["b", { from: 20, to: 24 }],
      ["a", { from: 1, to: 6 }],
      ["wide", { from: 20, to: 30 }],
      ["same", { from: 20, to: 24 }],
    ]);
    expect(orderThreads(threads, ranges).map((x) => x.id)).toEqual(["a", "wide", "same", "b", "late"]);
  });

  it("keeps a thread on deleted text where its text was; unplaced ones go last, oldest first", () => {
    const threads = [t("gone", "2026-01-01T10:00:00Z"), t("x", "2026-01-01T10:01:00Z"), t("y", "2026-01-01T10:02:00Z"), t("u2", "2026-01-01T10:04:00Z"), t("u1", "2026-01-01T10:03:00Z")];
    const ranges = new Map<string, TextRange | null>([
      ["gone", { from: 12, to: 12 }],
      ["x", { from: 2, to: 5 }],
      ["y", { from: 20, to: 22 }],
      ["u2", null],
    ]);
    expect(orderThreads(threads, ranges).map((x) => x.id)).toEqual(["x", "gone", "y", "u1", "u2"]);
  });
});

describe("textOrder and inOrder", () => {
  it("gives the text order and the threads on deleted text, keyed so mere position changes do not show", () => {
    const threads = [
      { id: "a", createdAt: "1", quote: "ports" },
      { id: "b", createdAt: "2", quote: "tariffs" },
    ];
    const before = textOrder(threads, new Map([["a", { from: 1, to: 6 }], ["b", { from: 20, to: 27 }]]));
    expect(before.order).toEqual(["a", "b"]);
    expect([...before.deleted]).toEqual([]);
    // Typing before both moves them, the key stays.
    expect(textOrder(threads, new Map([["a", { from: 4, to: 9 }], ["b", { from: 23, to: 30 }]])).key).toBe(before.key);
    const gone = textOrder(threads, new Map([["a", { from: 1, to: 6 }], ["b", { from: 20, to: 20 }]]));
    expect([...gone.deleted]).toEqual(["b"]);
    expect(gone.key).not.toBe(before.key);
  });

  it("sorts by a given order, unknown threads last in arrival order", () => {
    const list = [{ id: "x" }, { id: "b" }, { id: "y" }, { id: "a" }];
    expect(inOrder(list, ["a", "b"]).map((t) => t.id)).toEqual(["a", "b", "x", "y"]);
  });
});

describe("keepOrder", () => {
  it("keeps listed threads in place and inserts new ones after their text-order predecessor", () => {
    expect(keepOrder(["a", "b", "c"], ["b", "c", "a"])).toEqual(["a", "b", "c"]);
    expect(keepOrder(["a", "c"], ["a", "b", "c"])).toEqual(["a", "b", "c"]);
    expect(keepOrder(["c", "a"], ["new", "a", "c"])).toEqual(["new", "c", "a"]);
    expect(keepOrder(["c", "a"], ["a", "c", "z"])).toEqual(["c", "z", "a"]);
  });

  it("drops threads no longer listed", () => {
    expect(keepOrder(["a", "b", "c"], ["c", "a"])).toEqual(["a", "c"]);
    expect(keepOrder([], ["x", "y"])).toEqual(["x", "y"]);
  });
});

describe("filters", () => {
  const threads = [t("o1", "1"), t("r1", "2", true), t("o2", "3"), t("r2", "4", true)];

  it("shows open, resolved or all threads, and counts them", () => {
    expect(filterThreads(threads, "OPEN").map((x) => x.id)).toEqual(["o1", "o2"]);
    expect(filterThreads(threads, "RESOLVED").map((x) => x.id)).toEqual(["r1", "r2"]);
    expect(filterThreads(threads, "ALL")).toHaveLength(4);
    expect(filterCounts(threads)).toEqual({ OPEN: 2, RESOLVED: 2, ALL: 4 });
  });

  it("keeps pinned threads (focus or an unsent reply inside) whatever their state", () => {
    expect(filterThreads(threads, "OPEN", new Set(["r1"])).map((x) => x.id)).toEqual(["o1", "r1", "o2"]);
  });

  it("switches to All only when the current filter hides a selected thread", () => {
    expect(filterShowing("OPEN", { resolved: false })).toBe("OPEN");
    expect(filterShowing("OPEN", { resolved: true })).toBe("ALL");
    expect(filterShowing("RESOLVED", { resolved: true })).toBe("RESOLVED");
    expect(filterShowing("RESOLVED", { resolved: false })).toBe("ALL");
    expect(filterShowing("ALL", { resolved: true })).toBe("ALL");
  });
});

describe("visibilityBadge", () => {
  const china = { id: "d-chn", name: "China", code: "CHN", colour: "#dc2626" };
  const t = createTranslator({ locale: "en", messages: readCatalogue("en"), namespace: "comments" }) as unknown as CommentsT;
  it("says whose a delegation-only thread is", () => {
    expect(visibilityBadge(t, { visibility: "EVERYONE", delegation: null }, "d-chn")).toBeNull();
    expect(visibilityBadge(t, { visibility: "DELEGATION", delegation: china }, "d-chn")).toBe("My delegation only");
    expect(visibilityBadge(t, { visibility: "DELEGATION", delegation: china }, "d-jpn")).toBe("Delegation only: China");
    expect(visibilityBadge(t, { visibility: "DELEGATION", delegation: china }, null)).toBe("Delegation only: China");
  });
});

describe("text helpers", () => {
  it("lets only hex colours into a style attribute", () => {
    expect(safeColour("#1d4ed8")).toBe("#1d4ed8");
    expect(safeColour("red; background: url(x)")).toBe("#64748b");
    expect(safeColour(null, "#000")).toBe("#000");
  });

  it("folds whitespace and cuts long quotes", () => {
    expect(shortQuote("  Ports\n shall   open ")).toBe("Ports shall open");
    expect(shortQuote("x".repeat(200), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
