// Reads a proposal's Yjs document into the export model (lib/export/model.ts), with what sits on
// the text but is not part of it laid over it: open amendments as tracked changes, brackets and
// their options as plain "[… / …]", comment threads as comment ranges. Overlays name a text block
// (a Y.XmlText's id, as lib/document/anchors.ts resolves anchors) and indices in it, so the text
// is walked once, and each block only splits where an overlay starts or ends.
import * as Y from "yjs";
import { DOC_FIELD } from "../document/schema.ts";
import type { Block, Inline, Marks, TextRun } from "./model.ts";

/** Something laid over one text block between two of its indices. */
export type Overlay =
  /** An open amendment: the passage [from, to) deleted, `insert` inserted at `to`. */
  | { kind: "replace"; block: string; from: number; to: number; insert: string; author: string; date: string }
  | { kind: "comment"; block: string; from: number; to: number; id: number }
  /** An open bracket with its alternative wordings: "[passage / option 2 / option 3]". */
  | { kind: "bracket"; block: string; from: number; to: number; options: string[] };

type DeltaOp = { insert: unknown; attributes?: Record<string, unknown> };

const MARKS = ["bold", "italic", "strike", "code"] as const;

function marksOf(attributes: Record<string, unknown> | undefined): Marks {
  const marks: Marks = {};
  for (const m of MARKS) if (attributes?.[m] !== undefined && attributes[m] !== null) marks[m] = true;
  return marks;
}

function blockId(text: Y.XmlText): string {
  const id = text._item!.id;
  return `${id.client}:${id.clock}`;
}

/** Shared between the blocks of one export: ids of tracked changes must be unique in the file. */
type Counter = { next: number };

/** One text block's runs, split at its overlays' ends and wrapped as they ask. */
function blockInlines(text: Y.XmlText, overlays: readonly Overlay[], changes: Counter): Inline[] {
  const runs: Array<{ from: number; text: string; marks: Marks }> = [];
  let at = 0;
  for (const op of text.toDelta() as DeltaOp[]) {
    if (typeof op.insert === "string") {
      runs.push({ from: at, text: op.insert, marks: marksOf(op.attributes) });
      at += op.insert.length;
    } else at += 1; // an embed: one index, no characters
  }
  if (overlays.length === 0) return runs.map((r) => ({ kind: "text", text: r.text, ...r.marks }));

  const cuts = new Set<number>([0, at]);
  for (const o of overlays) cuts.add(Math.min(o.from, at)).add(Math.min(o.to, at));
  const points = [...cuts].sort((a, b) => a - b);
  const out: Inline[] = [];
  const marksBefore = (index: number): Marks => {
    const run = runs.find((r) => index > r.from && index <= r.from + r.text.length) ?? runs[0];
    return run?.marks ?? {};
  };
  // What happens at a point, in reading order: ranges that end close before ranges that start.
  const atPoint = (p: number) => {
    for (const o of overlays) {
      if (Math.min(o.to, at) !== p) continue;
      if (o.kind === "comment" && o.from !== o.to) out.push({ kind: "commentEnd", id: o.id });
      if (o.kind === "bracket") out.push({ kind: "text", text: [" ", ...o.options.map((t) => `/ ${t} `)].join("").trimEnd() + "]" });
      if (o.kind === "replace" && o.insert !== "") {
        out.push({ kind: "insert", id: changes.next++, author: o.author, date: o.date, runs: [{ kind: "text", text: o.insert, ...marksBefore(p) }] });
      }
    }
    for (const o of overlays) {
      if (Math.min(o.from, at) !== p) continue;
      if (o.kind === "comment") out.push({ kind: "commentStart", id: o.id });
      if (o.kind === "comment" && o.from === o.to) out.push({ kind: "commentEnd", id: o.id });
      if (o.kind === "bracket") out.push({ kind: "text", text: "[" });
    }
  };
  for (const [i, p] of points.entries()) {
    atPoint(p);
    const end = points[i + 1];
    if (end === undefined) break;
    const pieces: TextRun[] = [];
    for (const r of runs) {
      const from = Math.max(p, r.from);
      const to = Math.min(end, r.from + r.text.length);
      if (to > from) pieces.push({ kind: "text", text: r.text.slice(from - r.from, to - r.from), ...r.marks });
    }
    if (pieces.length === 0) continue;
    const deleting = overlays.find((o) => o.kind === "replace" && o.from <= p && end <= o.to && o.from < o.to);
    if (deleting && deleting.kind === "replace") out.push({ kind: "delete", id: changes.next++, author: deleting.author, date: deleting.date, runs: pieces });
    else out.push(...pieces);
  }
  return out;
}

type Walk = { overlays: ReadonlyMap<string, Overlay[]>; changes: Counter; lists: Counter; blocks: Block[] };

/** A paragraph-like element's inline content: its text blocks, and line breaks between them. */
function inlinesOf(element: Y.XmlElement, w: Walk): Inline[] {
  const out: Inline[] = [];
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) out.push(...blockInlines(child, w.overlays.get(blockId(child)) ?? [], w.changes));
    else if (child instanceof Y.XmlElement && child.nodeName === "hardBreak") out.push({ kind: "break" });
  }
  return out;
}

/** A code block's text keeps its line breaks as breaks. */
function codeInlines(element: Y.XmlElement, w: Walk): Inline[] {
  return inlinesOf(element, w).flatMap((i): Inline[] => {
    if (i.kind !== "text" || !i.text.includes("\n")) return [i];
    return i.text.split("\n").flatMap((line, n): Inline[] => (n === 0 ? [{ ...i, text: line }] : [{ kind: "break" }, { ...i, text: line }]));
  });
}

function headingLevel(element: Y.XmlElement): 1 | 2 | 3 | 4 | 5 | 6 {
  const level = Number(element.getAttribute("level"));
  return (Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1) as 1 | 2 | 3 | 4 | 5 | 6;
}

function walkList(list: Y.XmlElement, depth: number, w: Walk): void {
  const ordered = list.nodeName === "orderedList";
  const id = w.lists.next++;
  const start = Number(list.getAttribute("start"));
  let n = Number.isInteger(start) && start > 0 ? start : 1;
  for (const item of list.toArray()) {
    if (!(item instanceof Y.XmlElement)) continue;
    const label = ordered ? `${n++}.` : "•";
    let first = true;
    for (const part of item.toArray()) {
      if (!(part instanceof Y.XmlElement)) continue;
      if (part.nodeName === "orderedList" || part.nodeName === "bulletList") {
        walkList(part, depth + 1, w);
        continue;
      }
      w.blocks.push({ kind: "listItem", ordered, list: id, depth, label, continued: !first, inlines: inlinesOf(part, w) });
      first = false;
    }
    // An item holding nothing (or only a nested list) still takes its number.
    if (first) w.blocks.push({ kind: "listItem", ordered, list: id, depth, label, inlines: [] });
  }
}

function walkBlock(element: Y.XmlElement, w: Walk, style?: "quote"): void {
  switch (element.nodeName) {
    case "heading":
      w.blocks.push({ kind: "heading", level: headingLevel(element), inlines: inlinesOf(element, w) });
      return;
    case "paragraph":
      w.blocks.push(style ? { kind: "paragraph", style, inlines: inlinesOf(element, w) } : { kind: "paragraph", inlines: inlinesOf(element, w) });
      return;
    case "codeBlock":
      w.blocks.push({ kind: "paragraph", style: "code", inlines: codeInlines(element, w) });
      return;
    case "horizontalRule":
      w.blocks.push({ kind: "rule" });
      return;
    case "orderedList":
    case "bulletList":
      walkList(element, 0, w);
      return;
    case "blockquote":
      for (const c of element.toArray()) if (c instanceof Y.XmlElement) walkBlock(c, w, "quote");
      return;
    default:
      // Unknown containers: their paragraphs still carry the words.
      for (const c of element.toArray()) if (c instanceof Y.XmlElement) walkBlock(c, w, style);
  }
}

/**
 * The document's blocks in reading order, overlays applied. Cost: one walk of the document plus
 * the overlays of each block (an overlay naming no block of this document is left out).
 */
export function blocksOfDoc(doc: Y.Doc, overlays: readonly Overlay[] = []): Block[] {
  const byBlock = new Map<string, Overlay[]>();
  for (const o of overlays) {
    const list = byBlock.get(o.block);
    if (list) list.push(o);
    else byBlock.set(o.block, [o]);
  }
  const w: Walk = { overlays: byBlock, changes: { next: 1 }, lists: { next: 1 }, blocks: [] };
  for (const child of doc.getXmlFragment(DOC_FIELD).toArray()) if (child instanceof Y.XmlElement) walkBlock(child, w);
  return w.blocks;
}

/** Blocks of plain text (a version's stored text, a record's text): one paragraph per line. */
export function blocksOfPlainText(text: string): Block[] {
  return text.split("\n").map((line) => ({ kind: "paragraph", inlines: line ? [{ kind: "text", text: line }] : [] }));
}
