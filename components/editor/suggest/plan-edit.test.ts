// Keystrokes in suggesting mode merge into one amendment the way a person expects.
import { describe, expect, it } from "vitest";
import { dropLastCharacter, planEdit, type Block, type Edit, type Outcome, type OwnSpan } from "./plan-edit";

// "The Parties shall establish" starting at position 1 (inside the first paragraph).
const TEXT = "The Parties shall establish";
const block: Block = { start: 1, text: TEXT };
const at = (s: string) => 1 + TEXT.indexOf(s);
let n = 0;
const newKey = () => `key${++n}`;

function run(edit: Edit, own: OwnSpan[] = [], current: string | null = null, b: Block = block): Outcome {
  n = 0;
  return planEdit(edit, { own, current, block: b, newKey });
}

/** Replays a series of edits against the evolving set of my amendments, as the editor does. */
function replay(edits: Array<(caret: number) => Edit>, caret: number): { own: OwnSpan[]; caret: number } {
  let own: OwnSpan[] = [];
  let current: string | null = null;
  let k = 0;
  for (const make of edits) {
    const r = planEdit(make(caret), { own, current, block, newKey: () => `k${++k}` });
    if (r.kind !== "put") throw new Error(`expected a put, got ${JSON.stringify(r)}`);
    const next = { key: r.key, from: r.from, to: r.to, insert: r.insert };
    own = [...own.filter((s) => s.key !== r.key), ...(r.from === r.to && r.insert === "" ? [] : [next])];
    current = r.key;
    caret = r.caret;
  }
  return { own, caret };
}

const type = (text: string) => (c: number): Edit => ({ kind: "text", from: c, to: c, text });
const backspace = (c: number): Edit => ({ kind: "backspace", from: c, to: c });
const del = (c: number): Edit => ({ kind: "delete", from: c, to: c });

describe("planEdit", () => {
  it("starts an insertion where the caret is, then appends to it", () => {
    const r = replay([type("n"), type("o"), type("t")], at(" shall"));
    expect(r.own).toEqual([{ key: "k1", from: at(" shall"), to: at(" shall"), insert: "not" }]);
    expect(r.caret).toBe(at(" shall"));
  });

  it("typing over a selection replaces the passage, and the next keystrokes extend the new text", () => {
    const first = run({ kind: "text", from: at("shall"), to: at(" establish"), text: "m" });
    expect(first).toEqual({ kind: "put", key: "key1", from: at("shall"), to: at(" establish"), insert: "m", caret: at(" establish") });
    const own: OwnSpan[] = [{ key: "key1", from: at("shall"), to: at(" establish"), insert: "m" }];
    expect(run(type("a")(at(" establish")), own, "key1")).toMatchObject({ key: "key1", insert: "ma", caret: at(" establish") });
  });

  it("typing at the start of my struck passage adds the replacement text, caret after it", () => {
    const own: OwnSpan[] = [{ key: "d", from: at("shall"), to: at(" establish"), insert: "" }];
    expect(run(type("may")(at("shall")), own)).toEqual({ kind: "put", key: "d", from: at("shall"), to: at(" establish"), insert: "may", caret: at(" establish") });
  });

  it("Backspace shortens my inserted text, and discards an insertion typed away entirely", () => {
    const r = replay([type("a"), type("b"), backspace, backspace], at(" shall"));
    expect(r.own).toEqual([]);
    expect(r.caret).toBe(at(" shall"));
    const emoji: OwnSpan[] = [{ key: "e", from: 5, to: 5, insert: "ok👍🏽" }];
    expect(run(backspace(5), emoji)).toMatchObject({ insert: "ok" });
  });

  it("Backspace on agreed text strikes the character before and moves the caret, so repeating extends the deletion", () => {
    const end = at(" establish");
    const r = replay([backspace, backspace, backspace], end);
    expect(r.own).toEqual([{ key: "k1", from: end - 3, to: end, insert: "" }]);
    expect(r.caret).toBe(end - 3);
    // …and typing there then says what replaces it.
    const typed = planEdit(type("may")(r.caret), { own: r.own, current: "k1", block, newKey });
    expect(typed).toMatchObject({ key: "k1", from: end - 3, to: end, insert: "may", caret: end });
  });

  it("Delete strikes forward and keeps the caret after the struck text", () => {
    const r = replay([del, del], at("shall"));
    expect(r.own).toEqual([{ key: "k1", from: at("shall"), to: at("shall") + 2, insert: "" }]);
    expect(r.caret).toBe(at("shall") + 2);
  });

  it("a struck selection merges with my deletion it touches", () => {
    const own: OwnSpan[] = [{ key: "d", from: at("shall"), to: at(" establish"), insert: "" }];
    expect(run({ kind: "backspace", from: at(" establish"), to: at("establish") + 3 }, own)).toEqual({
      kind: "put",
      key: "d",
      from: at("shall"),
      to: at("establish") + 3,
      insert: "",
      caret: at("shall"),
    });
  });

  it("Enter inside amendment text is a line break in the text", () => {
    const own: OwnSpan[] = [{ key: "i", from: 5, to: 5, insert: "first" }];
    expect(run({ kind: "text", from: 5, to: 5, text: "\n" }, own, "i")).toMatchObject({ key: "i", insert: "first\n" });
  });

  it("never crosses the paragraph's edges", () => {
    expect(run(backspace(block.start))).toEqual({ kind: "refuse", reason: "paragraph-start" });
    expect(run(del(block.start + TEXT.length))).toEqual({ kind: "refuse", reason: "paragraph-end" });
    expect(run({ kind: "text", from: 3, to: 40, text: "x" })).toEqual({ kind: "refuse", reason: "across" });
    expect(run(type("x")(1), [], null, { start: 1, text: "" })).toEqual({ kind: "refuse", reason: "empty-paragraph" });
    expect(run({ kind: "backspace", from: 2, to: 5 }, [], null, { start: 1, text: "ab\ufffccd" })).toEqual({ kind: "refuse", reason: "object" });
  });

  it("Backspace over a surrogate pair in the agreed text takes the whole character", () => {
    const b: Block = { start: 1, text: "a😀b" };
    expect(run(backspace(4), [], null, b)).toMatchObject({ from: 2, to: 4, caret: 2 });
  });

  it("leaves amendments of other paragraphs alone", () => {
    const elsewhere: OwnSpan[] = [{ key: "x", from: 100, to: 100, insert: "far" }];
    expect(run(type("a")(5), elsewhere)).toMatchObject({ key: "key1", insert: "a" });
  });
});

describe("dropLastCharacter", () => {
  it("drops one user-perceived character", () => {
    expect(dropLastCharacter("日本語")).toBe("日本");
    expect(dropLastCharacter("a👩‍👩‍👧")).toBe("a");
    expect(dropLastCharacter("")).toBe("");
  });
});
