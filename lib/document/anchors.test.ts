import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorAt, applyReplacement, blockText, resolveSpan, textBlocks } from "./anchors";
import { docFromState, pmJsonOf, plainTextOf, stateFromPmJson, type PmJson } from "./convert";
import { DOC_FIELD } from "./schema";

const para = (...content: PmJson[]): PmJson => ({ type: "paragraph", content });
const text = (t: string, ...marks: string[]): PmJson => ({ type: "text", text: t, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const docOf = (...content: PmJson[]): Y.Doc => docFromState(stateFromPmJson({ type: "doc", content }));
const plain = (doc: Y.Doc) => plainTextOf(pmJsonOf(doc));

/** A replica of `doc` (another tab, the server's room) with a client id of its own. */
function replica(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

/** Anchors around the first occurrence of `passage` in block `n`. */
function around(doc: Y.Doc, passage: string, n = 0): { from: Uint8Array; to: Uint8Array } {
  const block = textBlocks(doc)[n]!;
  const at = blockText(block).indexOf(passage);
  if (at < 0) throw new Error(`"${passage}" is not in block ${n}`);
  return { from: anchorAt(block, at), to: anchorAt(block, at + passage.length) };
}

describe("textBlocks", () => {
  it("lists every text block in reading order, inside lists and around line breaks too", () => {
    const doc = docOf(
      { type: "heading", attrs: { level: 2 }, content: [text("Title")] },
      para(text("Before"), { type: "hardBreak" }, text("after")),
      { type: "bulletList", content: [{ type: "listItem", content: [para(text("Item"))] }] },
    );
    expect(textBlocks(doc).map(blockText)).toEqual(["Title", "Before", "after", "Item"]);
  });
});

describe("resolveSpan", () => {
  const base = () => docOf(para(text("The Parties "), text("shall", "bold"), text(" cooperate.")), para(text("Second paragraph.")));

  it("finds the passage between two anchors, in the block it was made in", () => {
    const doc = base();
    const { from, to } = around(doc, "shall cooperate");
    const span = resolveSpan(doc, from, to)!;
    expect(span).toMatchObject({ from: 12, to: 27, passage: "shall cooperate" });
    expect(span.block).toBe(`${textBlocks(doc)[0]!._item!.id.client}:${textBlocks(doc)[0]!._item!.id.clock}`);
  });

  it("follows the passage as others edit around it (and resolves in another replica)", () => {
    const doc = base();
    const { from, to } = around(doc, "shall");
    const other = replica(doc);
    textBlocks(other)[0]!.insert(0, "All of ");
    textBlocks(other)[0]!.insert(blockText(textBlocks(other)[0]!).length, " Always.");
    sync(doc, other);
    expect(resolveSpan(doc, from, to)).toMatchObject({ from: 19, to: 24, passage: "shall" });
    expect(resolveSpan(other, from, to)).toMatchObject({ from: 19, to: 24, passage: "shall" });
  });

  it("shrinks with the passage when part of it is deleted", () => {
    const doc = base();
    const { from, to } = around(doc, "shall cooperate");
    textBlocks(doc)[0]!.delete(12, 6); // "shall "
    expect(resolveSpan(doc, from, to)).toMatchObject({ from: 12, to: 21, passage: "cooperate" });
  });

  it("an insertion point (both anchors equal) resolves to an empty passage", () => {
    const doc = base();
    const block = textBlocks(doc)[1]!;
    const end = anchorAt(block, blockText(block).length);
    expect(resolveSpan(doc, end, end)).toMatchObject({ from: 17, to: 17, passage: "" });
    const start = anchorAt(block, 0);
    expect(resolveSpan(doc, start, start)).toMatchObject({ from: 0, to: 0, passage: "" });
  });

  it("refuses anchors in two different blocks, or the end before the start", () => {
    const doc = base();
    const a = around(doc, "cooperate", 0);
    const b = around(doc, "Second", 1);
    expect(resolveSpan(doc, a.from, b.to)).toBeNull();
    expect(resolveSpan(doc, a.to, a.from)).toBeNull();
  });

  it("refuses anchors of another document (another proposal with the same words)", () => {
    const doc = base();
    const other = base();
    const { from, to } = around(other, "shall");
    expect(resolveSpan(doc, from, to)).toBeNull();
  });

  it("refuses anchors in a block that has since been deleted", () => {
    const doc = base();
    const { from, to } = around(doc, "Second", 1);
    doc.getXmlFragment(DOC_FIELD).delete(1, 1);
    expect(resolveSpan(doc, from, to)).toBeNull();
  });

  it("refuses anchors that are not text positions: the paragraph list, a named root type, another root", () => {
    const doc = base();
    const fragment = doc.getXmlFragment(DOC_FIELD);
    const inList = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(fragment, 1));
    expect(resolveSpan(doc, inList, inList)).toBeNull();
    // A root type named in the anchor must not be created in the live document by resolving it.
    const named = Y.encodeRelativePosition(new Y.RelativePosition(null, "hostile-root", null, 0));
    expect(resolveSpan(doc, named, named)).toBeNull();
    expect(doc.share.has("hostile-root")).toBe(false);
    // A text outside the proposal's field is not part of the text.
    const elsewhere = doc.getXmlFragment("elsewhere");
    const p = new Y.XmlElement("paragraph");
    p.insert(0, [new Y.XmlText("Hidden")]);
    elsewhere.insert(0, [p]);
    const hidden = p.get(0) as Y.XmlText;
    expect(resolveSpan(doc, anchorAt(hidden, 0), anchorAt(hidden, 3))).toBeNull();
  });

  it("refuses unreadable bytes without throwing", () => {
    const doc = base();
    const { to } = around(doc, "shall");
    for (const junk of [new Uint8Array(), new Uint8Array([255, 255, 255]), new Uint8Array(256).fill(7), new Uint8Array([0, 99, 1])]) {
      expect(resolveSpan(doc, junk, to)).toBeNull();
      expect(resolveSpan(doc, to, junk)).toBeNull();
    }
  });

  it("never trusts what a client says the passage reads: the text is read from the document", () => {
    const doc = base();
    const { from, to } = around(doc, "shall");
    textBlocks(doc)[0]!.insert(14, "XX"); // inside the passage
    expect(resolveSpan(doc, from, to)!.passage).toBe("shXXall");
  });
});

describe("applyReplacement", () => {
  it("replaces the passage, keeping the rest of the block", () => {
    const doc = docOf(para(text("The Parties shall cooperate.")));
    const { from, to } = around(doc, "shall");
    expect(applyReplacement(doc, from, to, "may")).toBe(true);
    expect(plain(doc)).toBe("The Parties may cooperate.");
  });

  it("inserts at an insertion point and deletes with an empty text", () => {
    const doc = docOf(para(text("The Parties shall cooperate.")));
    const block = textBlocks(doc)[0]!;
    const at = anchorAt(block, 18);
    expect(applyReplacement(doc, at, at, "closely ")).toBe(true);
    expect(plain(doc)).toBe("The Parties shall closely cooperate.");
    const { from, to } = around(doc, " closely");
    expect(applyReplacement(doc, from, to, "")).toBe(true);
    expect(plain(doc)).toBe("The Parties shall cooperate.");
  });

  it("gives the new text the formatting of the character before it, and plain text stays plain", () => {
    const doc = docOf(para(text("Bold", "bold"), text(" and plain.")));
    const after = around(doc, "Bold");
    applyReplacement(doc, after.to, after.to, "er");
    const plainPart = around(doc, "plain");
    applyReplacement(doc, plainPart.from, plainPart.to, "simple");
    expect(textBlocks(doc)[0]!.toDelta()).toEqual([{ insert: "Bolder", attributes: { bold: {} } }, { insert: " and simple." }]);
  });

  it("at the start of a block, takes the formatting of the first character replaced", () => {
    const doc = docOf(para(text("Shall", "italic"), text(" cooperate.")));
    const { from, to } = around(doc, "Shall");
    applyReplacement(doc, from, to, "May");
    expect(textBlocks(doc)[0]!.toDelta()).toEqual([{ insert: "May", attributes: { italic: {} } }, { insert: " cooperate." }]);
  });

  it("refuses text with a line break, changing nothing (an amendment changes one paragraph)", () => {
    for (const insert of ["2a\n2b", "gamma\n", "x\r\ny", "a\u2028b"]) {
      const doc = docOf(para(text("One "), text("two", "bold"), text(" three.")), para(text("Last.")));
      const { from, to } = around(doc, "wo");
      const before = Y.encodeStateAsUpdate(doc);
      expect(applyReplacement(doc, from, to, insert)).toBe(false);
      expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    }
  });

  it("is one change another replica merges with concurrent typing elsewhere", () => {
    const server = docOf(para(text("The Parties shall cooperate.")), para(text("Done.")));
    const tab = replica(server);
    const { from, to } = around(server, "shall");
    const before = Y.encodeStateVector(server);
    applyReplacement(server, from, to, "may");
    textBlocks(tab)[1]!.insert(0, "All ");
    Y.applyUpdate(tab, Y.encodeStateAsUpdate(server, before));
    sync(server, tab);
    expect(plain(tab)).toBe("The Parties may cooperate.\nAll Done.");
    expect(plain(server)).toBe(plain(tab));
  });

  it("returns false and changes nothing when the anchors no longer resolve", () => {
    const doc = docOf(para(text("Gone soon.")), para(text("Stays.")));
    const { from, to } = around(doc, "soon");
    doc.getXmlFragment(DOC_FIELD).delete(0, 1);
    const before = Y.encodeStateVector(doc);
    expect(applyReplacement(doc, from, to, "later")).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect(plain(doc)).toBe("Stays.");
  });
});
