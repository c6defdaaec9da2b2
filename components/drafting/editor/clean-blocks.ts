// The Clean text view's content: the editor's document as plain blocks (paragraphs, headings,
// lists), each text block's words with every open bracketed passage removed (view-text.ts).
// Plain data, so React compares it cheaply and redraws only when the clean text changes.
import type { Node as PmNode } from "@tiptap/pm/model";
import { cleanText, type BracketSpan } from "./view-text";

export type CleanBlock =
  | { kind: "p"; text: string }
  | { kind: "h"; level: number; text: string }
  | { kind: "list"; ordered: boolean; start: number; items: CleanBlock[][] }
  | { kind: "quote"; blocks: CleanBlock[] }
  | { kind: "pre"; text: string }
  | { kind: "hr" };

type Range = { from: number; to: number };

/** A text block's words (a hard break is one "\n", so offsets match positions one to one). */
function textOf(node: PmNode): string {
  return node.textBetween(0, node.content.size, "\n", "\n");
}

/** The ranges meeting a text block whose content starts at `start`, in its own offsets. */
function local(ranges: readonly Range[], start: number, size: number): BracketSpan[] {
  const out: BracketSpan[] = [];
  for (const r of ranges) if (r.to > start && r.from < start + size) out.push({ from: r.from - start, to: r.to - start });
  return out;
}

function blocksOf(parent: PmNode, parentStart: number, ranges: readonly Range[]): CleanBlock[] {
  const out: CleanBlock[] = [];
  parent.forEach((node, offset) => {
    const pos = parentStart + offset;
    const name = node.type.name;
    if (node.isTextblock) {
      const text = cleanText(textOf(node), local(ranges, pos + 1, node.content.size));
      if (name === "heading") out.push({ kind: "h", level: Number(node.attrs.level) || 2, text });
      else if (name === "codeBlock") out.push({ kind: "pre", text });
      else out.push({ kind: "p", text });
    } else if (name === "orderedList" || name === "bulletList") {
      const items: CleanBlock[][] = [];
      node.forEach((item, itemOffset) => items.push(blocksOf(item, pos + 1 + itemOffset + 1, ranges)));
      out.push({ kind: "list", ordered: name === "orderedList", start: Number(node.attrs.start) || 1, items });
    } else if (name === "blockquote") out.push({ kind: "quote", blocks: blocksOf(node, pos + 1, ranges) });
    else if (name === "horizontalRule") out.push({ kind: "hr" });
    else if (!node.isLeaf) out.push(...blocksOf(node, pos + 1, ranges));
  });
  return out;
}

/** The document without the bracketed passages (`ranges`: the open brackets' positions). */
export function cleanBlocks(doc: PmNode, ranges: readonly Range[]): CleanBlock[] {
  return blocksOf(doc, 0, ranges.filter((r) => r.from < r.to));
}
