// Where amendments and comment threads sit in a proposal's Yjs document. An anchor is an encoded
// Yjs relative position (Y.encodeRelativePosition) inside one text block (a Y.XmlText: a
// paragraph's or heading's text, or the part of it between two line breaks), so it follows the
// text as people edit around it. The browser makes them from the editor's positions (y-tiptap's
// absolutePositionToRelativePosition, association 0); the server resolves them here against its
// own replica, never trusting where a client says a passage is or what it reads. Cost:
// proportional to the one block, never to the document.
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

type DeltaOp = { insert: unknown; attributes?: Record<string, unknown> };

function decode(anchor: Uint8Array): Y.RelativePosition | null {
  try {
    const rel = Y.decodeRelativePosition(anchor);
    // A position naming a root type by name is never inside a text block, and resolving it
    // would make the live document create a root type of that name (`doc.get`): refused.
    if (rel.tname !== null || (rel.item === null && rel.type === null)) return null;
    return rel;
  } catch {
    return null;
  }
}

/** The block's characters (formatting dropped; embeds are not text and count as nothing). */
export function blockText(text: Y.XmlText): string {
  return textBetween(text, 0, Infinity);
}

/** The characters between two Yjs indices of a block (an embed takes one index and adds nothing). */
function textBetween(text: Y.XmlText, from: number, to: number): string {
  let out = "";
  let at = 0;
  for (const op of text.toDelta() as DeltaOp[]) {
    if (at >= to) break;
    if (typeof op.insert === "string") {
      const end = at + op.insert.length;
      if (end > from) out += op.insert.slice(Math.max(0, from - at), Math.min(op.insert.length, to - at));
      at = end;
    } else at += 1;
  }
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

function absolute(rel: Y.RelativePosition, doc: Y.Doc): Y.AbsolutePosition | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(rel, doc);
  } catch {
    return null;
  }
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
  const from = absolute(fromRel, doc);
  const to = absolute(toRel, doc);
  if (!from || !to || from.type !== to.type || !(from.type instanceof Y.XmlText)) return null;
  if (!isInsideDocument(from.type, doc)) return null;
  if (from.index > to.index) return null;
  const text = from.type;
  const item = text._item;
  if (!item) return null;
  return { block: `${item.id.client}:${item.id.clock}`, from: from.index, to: to.index, passage: textBetween(text, from.index, to.index), text };
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
 * Applies "replace the passage by `insert`" to `doc` as one transaction: the passage is deleted
 * and the new text takes the formatting of the character before it (of the first one replaced,
 * at a block's start). Returns false, changing nothing, when the anchors no longer resolve or
 * `insert` holds a line break: an amendment changes one paragraph (splitting one would move
 * the rest of the paragraph to new Yjs items, and every other anchor in it would lose its place).
 */
export function applyReplacement(doc: Y.Doc, fromAnchor: Uint8Array, toAnchor: Uint8Array, insert: string): boolean {
  if (hasLineBreak(insert)) return false;
  const span = resolveSpan(doc, fromAnchor, toAnchor);
  if (!span) return false;
  doc.transact(() => {
    const { text, from, to } = span;
    // Explicit attributes (never "whatever Yjs finds there"): plain text stays plain.
    const marks = formatAt(text, from > 0 ? from - 1 : from) ?? {};
    if (to > from) text.delete(from, to - from);
    if (insert) text.insert(from, insert, marks);
  });
  return true;
}

/** An amendment's text stays within its paragraph: no line breaks of any kind. */
export function hasLineBreak(text: string): boolean {
  return /[\r\n\u2028\u2029]/.test(text);
}

/** The formatting of the character at `index` (none past the end). */
function formatAt(text: Y.XmlText, index: number): Record<string, unknown> | undefined {
  let at = 0;
  for (const op of text.toDelta() as DeltaOp[]) {
    const len = typeof op.insert === "string" ? op.insert.length : 1;
    if (index < at + len) return op.attributes;
    at += len;
  }
  return undefined;
}

