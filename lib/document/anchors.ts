// Where amendments and comment threads sit in a proposal's Yjs document. An anchor is an encoded
// Yjs relative position (Y.encodeRelativePosition) inside one text block (the Y.XmlText of a
// paragraph or heading), so it follows the text as people edit around it. The browser makes
// them from the editor's positions (y-tiptap's absolutePositionToRelativePosition, association
// 0); the server resolves them here against its own replica, never trusting where a client says
// a passage is or what it reads. Cost: proportional to the one block, never to the document.
import * as Y from "yjs";
import { DOC_FIELD } from "./schema.ts";

/** A passage between two anchors, resolved in one document now. */
export type ResolvedSpan = {
  /** The text block's Yjs id ("client:clock"): spans in different blocks never compete. */
  block: string;
  from: number;
  to: number;
  /** The block's characters between the two anchors. */
  passage: string;
  text: Y.XmlText;
};

function decode(anchor: Uint8Array): Y.RelativePosition | null {
  try {
    return Y.decodeRelativePosition(anchor);
  } catch {
    return null;
  }
}

/** The block's characters (formatting dropped; embeds are not text and count as nothing). */
export function blockText(text: Y.XmlText): string {
  let out = "";
  for (const op of text.toDelta() as { insert: unknown }[]) if (typeof op.insert === "string") out += op.insert;
  return out;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types' event parameters differ per type
type AnyType = Y.AbstractType<any>;

function isInsideDocument(text: AnyType, doc: Y.Doc): boolean {
  const root = doc.getXmlFragment(DOC_FIELD);
  for (let t: AnyType | null = text; t; t = (t._item?.parent as AnyType | null) ?? null) {
    if (t === root) return true;
    if (t._item?.deleted) return false;
  }
  return false;
}

/**
 * Resolves a pair of anchors in `doc`, or null when they do not name a passage of this text:
 * unreadable bytes, a position in another document (another proposal's, another workshop's),
 * the two ends in different blocks or in a deleted block, or the end before the start.
 */
export function resolveSpan(doc: Y.Doc, fromAnchor: Uint8Array, toAnchor: Uint8Array): ResolvedSpan | null {
  const fromRel = decode(fromAnchor);
  const toRel = decode(toAnchor);
  if (!fromRel || !toRel) return null;
  let from: Y.AbsolutePosition | null;
  let to: Y.AbsolutePosition | null;
  try {
    from = Y.createAbsolutePositionFromRelativePosition(fromRel, doc);
    to = Y.createAbsolutePositionFromRelativePosition(toRel, doc);
  } catch {
    return null;
  }
  if (!from || !to || from.type !== to.type || !(from.type instanceof Y.XmlText)) return null;
  if (!isInsideDocument(from.type, doc)) return null;
  if (from.index > to.index) return null;
  const text = from.type;
  const item = text._item;
  if (!item) return null;
  return { block: `${item.id.client}:${item.id.clock}`, from: from.index, to: to.index, passage: blockText(text).slice(from.index, to.index), text };
}

/** An anchor at `index` of a block (tests, seeds, the load generator; the browser uses y-tiptap's). */
export function anchorAt(text: Y.XmlText, index: number): Uint8Array {
  return Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index));
}

/** The text blocks of a document in reading order (paragraphs and headings, also inside lists). */
export function textBlocks(doc: Y.Doc): Y.XmlText[] {
  const out: Y.XmlText[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) out.push(child);
      else if (child instanceof Y.XmlElement) walk(child);
    }
  };
  walk(doc.getXmlFragment(DOC_FIELD));
  return out;
}

/**
 * Applies "replace the passage by `insert`" to `doc` (in the caller's transaction): the
 * passage is deleted and the new text takes the formatting of the character before it. Line
 * breaks in `insert` start new paragraphs after the block (the rest of the block moves to the
 * last one). Returns false when the anchors no longer resolve.
 */
export function applyReplacement(doc: Y.Doc, fromAnchor: Uint8Array, toAnchor: Uint8Array, insert: string): boolean {
  const span = resolveSpan(doc, fromAnchor, toAnchor);
  if (!span) return false;
  const { text, from, to } = span;
  const lines = insert.replace(/\r\n?/g, "\n").split("\n");
  const marks = formatAt(text, from);
  if (to > from) text.delete(from, to - from);
  if (lines[0]) text.insert(from, lines[0], marks);
  if (lines.length === 1) return true;
  // New paragraphs: the block's remainder (with its formatting) goes to the last one.
  const cut = from + lines[0]!.length;
  const rest = sliceDelta(text, cut);
  const restLength = blockText(text).length - cut;
  if (restLength > 0) text.delete(cut, restLength);
  const element = text.parent;
  const container = element instanceof Y.XmlElement ? element.parent : null;
  if (!(element instanceof Y.XmlElement) || !(container instanceof Y.XmlElement || container instanceof Y.XmlFragment)) return true;
  const at = container.toArray().indexOf(element) + 1;
  const paragraphs = lines.slice(1).map((line, i, all) => {
    const p = new Y.XmlElement("paragraph");
    const t = new Y.XmlText();
    p.insert(0, [t]);
    return { p, t, line, isLast: i === all.length - 1 };
  });
  container.insert(at, paragraphs.map((x) => x.p));
  for (const { t, line, isLast } of paragraphs) {
    if (line) t.insert(0, line, marks);
    if (isLast) t.applyDelta(rest);
  }
  return true;
}

function formatAt(text: Y.XmlText, index: number): Record<string, unknown> | undefined {
  if (index === 0) return undefined;
  let at = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    const len = typeof op.insert === "string" ? op.insert.length : 1;
    if (index <= at + len) return op.attributes;
    at += len;
  }
  return undefined;
}

function sliceDelta(text: Y.XmlText, from: number): { insert: string; attributes?: Record<string, unknown> }[] {
  const out: { insert: string; attributes?: Record<string, unknown> }[] = [];
  let at = 0;
  for (const op of text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== "string") {
      at += 1;
      continue;
    }
    const end = at + op.insert.length;
    if (end > from) out.push({ insert: op.insert.slice(Math.max(0, from - at)), ...(op.attributes ? { attributes: op.attributes } : {}) });
    at = end;
  }
  return out;
}
