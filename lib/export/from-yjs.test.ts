import { describe, expect, it } from "vitest";
import type * as Y from "yjs";
import { textBlocks } from "../document/anchors.ts";
import { docFromState, stateFromPmJson, type PmJson } from "../document/convert.ts";
import { blocksOfDoc, blocksOfPlainText, type Overlay } from "./from-yjs.ts";
import { inlineText, type Block, type Inline } from "./model.ts";

const p = (...content: PmJson[]): PmJson => ({ type: "paragraph", content });
const t = (text: string, ...marks: string[]): PmJson => ({ type: "text", text, ...(marks.length ? { marks: marks.map((type) => ({ type })) } : {}) });
const docOf = (...content: PmJson[]) => docFromState(stateFromPmJson({ type: "doc", content }));
const idOf = (text: Y.XmlText) => `${text._item!.id.client}:${text._item!.id.clock}`;
const texts = (blocks: Block[]) => blocks.map((b) => (b.kind === "rule" ? "---" : inlineText(b.inlines)));

describe("blocksOfDoc", () => {
  it("reads headings, paragraphs with marks, quotes and rules in order", () => {
    const doc = docOf(
      { type: "heading", attrs: { level: 2 }, content: [t("Scope")] },
      p(t("Plain "), t("bold", "bold"), t(" and "), t("italic", "italic")),
      { type: "blockquote", content: [p(t("Quoted"))] },
      { type: "horizontalRule" },
    );
    const blocks = blocksOfDoc(doc);
    expect(blocks.map((b) => b.kind)).toEqual(["heading", "paragraph", "paragraph", "rule"]);
    expect(blocks[0]).toMatchObject({ kind: "heading", level: 2 });
    expect(texts(blocks)).toEqual(["Scope", "Plain bold and italic", "Quoted", "---"]);
    const runs = (blocks[1] as { inlines: Inline[] }).inlines;
    expect(runs).toContainEqual({ kind: "text", text: "bold", bold: true });
    expect(runs).toContainEqual({ kind: "text", text: "italic", italic: true });
    expect(blocks[2]).toMatchObject({ style: "quote" });
  });

  it("numbers ordered lists as the editor does, restarting for each list, nesting by depth", () => {
    const item = (...content: PmJson[]): PmJson => ({ type: "listItem", content });
    const doc = docOf(
      { type: "orderedList", attrs: { start: 1 }, content: [item(p(t("First"))), item(p(t("Second")), p(t("More of the second")), { type: "bulletList", content: [item(p(t("Sub")))] })] },
      p(t("Between")),
      { type: "orderedList", attrs: { start: 3 }, content: [item(p(t("Third")))] },
    );
    const blocks = blocksOfDoc(doc).filter((b) => b.kind === "listItem");
    expect(blocks.map((b) => [b.label, b.depth, b.continued ?? false, inlineText(b.inlines)])).toEqual([
      ["1.", 0, false, "First"],
      ["2.", 0, false, "Second"],
      ["2.", 0, true, "More of the second"],
      ["•", 1, false, "Sub"],
      ["3.", 0, false, "Third"],
    ]);
    expect(new Set(blocks.map((b) => b.list)).size).toBe(3);
    expect(blocks[0]!.list).toBe(blocks[1]!.list);
  });

  it("keeps CJK text and line breaks", () => {
    const doc = docOf(p(t("中华人民共和国"), { type: "hardBreak" }, t("대한민국 ひらがな")));
    const [block] = blocksOfDoc(doc);
    expect(inlineText((block as { inlines: Inline[] }).inlines)).toBe("中华人民共和国\n대한민국 ひらがな");
  });

  it("lays an open amendment over the text as a deletion and an insertion by its delegation", () => {
    const doc = docOf(p(t("Members shall cooperate closely.")));
    const block = idOf(textBlocks(doc)[0]!);
    const overlays: Overlay[] = [{ kind: "replace", block, from: 14, to: 23, insert: "work together", author: "Japan (JPN)", date: "2026-12-01T10:00:00.000Z" }];
    const inlines = (blocksOfDoc(doc, overlays)[0] as { inlines: Inline[] }).inlines;
    expect(inlines).toEqual([
      { kind: "text", text: "Members shall " },
      { kind: "delete", id: 1, author: "Japan (JPN)", date: "2026-12-01T10:00:00.000Z", runs: [{ kind: "text", text: "cooperate" }] },
      { kind: "insert", id: 2, author: "Japan (JPN)", date: "2026-12-01T10:00:00.000Z", runs: [{ kind: "text", text: "work together" }] },
      { kind: "text", text: " closely." },
    ]);
    expect(inlineText(inlines)).toBe("Members shall work together closely.");
    expect(inlineText(inlines, { withDeleted: true })).toBe("Members shall cooperatework together closely.");
  });

  it("writes a bracket with its options as plain [… / …] and comment ranges around their passage", () => {
    const doc = docOf(p(t("Rates of 5% apply.")));
    const block = idOf(textBlocks(doc)[0]!);
    const overlays: Overlay[] = [
      { kind: "bracket", block, from: 9, to: 11, options: ["3%", "4%"] },
      { kind: "comment", block, from: 0, to: 5, id: 7 },
    ];
    const inlines = (blocksOfDoc(doc, overlays)[0] as { inlines: Inline[] }).inlines;
    expect(inlineText(inlines)).toBe("Rates of [5% / 3% / 4%] apply.");
    const marks = inlines.filter((i) => i.kind === "commentStart" || i.kind === "commentEnd");
    expect(marks).toEqual([{ kind: "commentStart", id: 7 }, { kind: "commentEnd", id: 7 }]);
    expect(inlines.indexOf(marks[1]!)).toBe(inlines.findIndex((i) => i.kind === "text" && i.text === "Rates") + 1);
  });

  it("ignores overlays that name no block of this document", () => {
    const doc = docOf(p(t("Text")));
    expect(texts(blocksOfDoc(doc, [{ kind: "bracket", block: "999:1", from: 0, to: 2, options: [] }]))).toEqual(["Text"]);
  });
});

describe("blocksOfPlainText", () => {
  it("makes one paragraph per line, empty lines included", () => {
    expect(texts(blocksOfPlainText("a\n\nb"))).toEqual(["a", "", "b"]);
  });
});
