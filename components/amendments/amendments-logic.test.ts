// The amendments region's pure parts: words, text order and the "all accepted" preview.
import { describe, expect, it } from "vitest";
import { createTranslator } from "next-intl";
import { readCatalogue } from "@/lib/i18n/messages";
import { amendmentColour, describeAmendment, isTypedAway, quoted, type AmendmentsT } from "./amendment-words";
import { applyAmendments, locate } from "./preview";
import { inTextOrder, keepPlaces } from "./text-order";

const t = createTranslator({ locale: "en", messages: readCatalogue("en"), namespace: "amendments" }) as unknown as AmendmentsT;
const ja = createTranslator({ locale: "ja", messages: readCatalogue("ja"), namespace: "amendments" }) as unknown as AmendmentsT;

describe("describeAmendment", () => {
  it("says replace, insert or delete", () => {
    expect(describeAmendment(t, "shall", "may")).toBe("Replace “shall” by “may”");
    expect(describeAmendment(t, "", " and Korea")).toBe("Insert “ and Korea”");
    expect(describeAmendment(t, "joint ", "")).toBe("Delete “joint ”");
    expect(describeAmendment(t, "shall", "may", { inSentence: true })).toBe("replace “shall” by “may”");
    expect(describeAmendment(t, "a\nb", "x".repeat(10), { max: 5 })).toBe("Replace “a ¶ b” by “xxxx…”");
  });
  it("says it in the reader's language, the texts as they are", () => {
    expect(describeAmendment(ja, "shall", "may")).toBe("「shall」を「may」に置き換え");
  });
  it("keeps it on one line and short", () => {
    expect(quoted("a\nb")).toBe("“a ¶ b”");
    expect(quoted("x".repeat(10), 5)).toBe("“xxxx…”");
  });
  it("colours by delegation, the chair's slate otherwise, never anything but a hex colour", () => {
    expect(amendmentColour({ colour: "#be185d" })).toBe("#be185d");
    expect(amendmentColour(null)).toBe("#334155");
    expect(amendmentColour({ colour: "red;background:url(x)" })).toBe("#334155");
  });
  it("hides amendments typed away by their author", () => {
    expect(isTypedAway({ status: "WITHDRAWN", passage: "", insert: "" })).toBe(true);
    expect(isTypedAway({ status: "WITHDRAWN", passage: "shall", insert: "" })).toBe(false);
  });
});

describe("inTextOrder", () => {
  const a = (id: string, createdAt = "2026-01-01T10:00:00Z") => ({ id, createdAt });
  it("orders by position, longer passage first, unplaced last by age", () => {
    const ranges: Record<string, { from: number; to: number } | null> = { x: { from: 10, to: 12 }, y: { from: 3, to: 3 }, z: { from: 10, to: 20 }, gone: null, old: null };
    const items = [a("gone", "2026-01-02T00:00:00Z"), a("x"), a("old", "2026-01-01T00:00:00Z"), a("z"), a("y")];
    expect(inTextOrder(items, (i) => ranges[i.id]).map((i) => i.id)).toEqual(["y", "z", "x", "old", "gone"]);
  });
});

describe("applyAmendments", () => {
  const blocks = ["The Parties shall establish a facility.", "It covers firms."];
  it("applies every amendment in text order", () => {
    const r = applyAmendments(blocks, [
      { id: "b", block: 1, from: 15, to: 15, insert: " hit by the pandemic" },
      { id: "a", block: 0, from: 12, to: 17, insert: "may" },
      { id: "c", block: 0, from: 0, to: 4, insert: "" },
    ]);
    expect(r.texts).toEqual(["Parties may establish a facility.", "It covers firms hit by the pandemic."]);
    expect(r.applied).toEqual(["c", "a", "b"]);
    expect(r.skipped).toEqual([]);
  });
  it("skips one competing with an earlier one, keeps those that merely touch", () => {
    const r = applyAmendments(blocks, [
      { id: "first", block: 0, from: 12, to: 17, insert: "may" },
      { id: "overlaps", block: 0, from: 14, to: 27, insert: "x" },
      { id: "touches", block: 0, from: 17, to: 27, insert: " set up" },
      { id: "same-point-1", block: 1, from: 2, to: 2, insert: " only" },
      { id: "same-point-2", block: 1, from: 2, to: 2, insert: " also" },
    ]);
    expect(r.texts).toEqual(["The Parties may set up a facility.", "It only covers firms."]);
    expect(r.skipped.sort()).toEqual(["overlaps", "same-point-2"]);
  });
  it("ignores placements outside the text", () => {
    const r = applyAmendments(blocks, [{ id: "bad", block: 5, from: 0, to: 1, insert: "x" }]);
    expect(r.texts).toEqual(blocks);
    expect(r.skipped).toEqual(["bad"]);
  });
});

describe("locate", () => {
  it("finds the block holding a passage", () => {
    const starts = [1, 20, 40];
    const lengths = [17, 10, 5];
    expect(locate(starts, lengths, { from: 5, to: 9 })).toEqual({ block: 0, from: 4, to: 8 });
    expect(locate(starts, lengths, { from: 30, to: 30 })).toEqual({ block: 1, from: 10, to: 10 });
    expect(locate(starts, lengths, { from: 15, to: 25 })).toBeNull();
    expect(locate(starts, lengths, { from: 0, to: 0 })).toBeNull();
  });
});

describe("keepPlaces", () => {
  it("keeps listed cards where they are and slots new ones in by text order", () => {
    expect(keepPlaces(["a", "b", "c"], ["c", "a", "n", "b"])).toEqual(["a", "n", "b", "c"]);
    expect(keepPlaces(["a", "b"], ["n", "b"])).toEqual(["n", "b"]);
    expect(keepPlaces([], ["x", "y"])).toEqual(["x", "y"]);
  });
});
