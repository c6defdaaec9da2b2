// Paragraph identity. A paragraph or operative clause is named by the Yjs id of its element
// ("client:clock"): the element stays the same item while people type in it and around it,
// split or merge its neighbours (y-prosemirror updates a changed block in place), so a status
// or a reading position set on it follows it. A paragraph split in two keeps its key for the
// first part; the second part is a new, Open paragraph.
//
// The units are the top-level blocks, except that a list counts by its items (each item of an
// ordered list is an operative clause). Headings and empty blocks are units (so positions line
// up with the editor's blocks) but are not counted as paragraphs.
import * as Y from "yjs";
import { DOC_FIELD } from "./schema.ts";
import { blockText } from "./anchors.ts";

export type UnitKind = "paragraph" | "clause" | "heading" | "other";

export type ClauseUnit = {
  key: string;
  kind: UnitKind;
  element: Y.XmlElement;
  /** The unit's characters, its text blocks joined by line breaks. */
  text: string;
  /** A paragraph the chair reads and the progress counts: not a heading, not empty. */
  counted: boolean;
};

const LISTS = new Set(["orderedList", "bulletList"]);

/** A list element: its items are units, the list itself is none. */
export function isListElement(type: unknown): type is Y.XmlElement {
  return type instanceof Y.XmlElement && LISTS.has(type.nodeName);
}
const NOT_TEXT = new Set(["horizontalRule"]);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types' event parameters differ per type
type AnyType = Y.AbstractType<any>;

/** The key of an element that is in a document (its item's id). */
export function keyOf(type: AnyType): string {
  const id = type._item!.id;
  return `${id.client}:${id.clock}`;
}

function textOf(type: AnyType): string {
  if (type instanceof Y.XmlText) return blockText(type);
  if (type instanceof Y.XmlElement || type instanceof Y.XmlFragment) {
    return type
      .toArray()
      .map((c) => textOf(c as AnyType))
      .filter((t) => t !== "")
      .join("\n");
  }
  return "";
}

function unitOf(element: Y.XmlElement, kind: UnitKind): ClauseUnit {
  const text = textOf(element);
  return { key: keyOf(element), kind, element, text, counted: kind !== "heading" && kind !== "other" && text.trim() !== "" };
}

/** Every unit of the document, in text order. Cost: one walk of the document. */
export function clauseUnits(doc: Y.Doc): ClauseUnit[] {
  const units: ClauseUnit[] = [];
  for (const child of doc.getXmlFragment(DOC_FIELD).toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    if (LISTS.has(name)) {
      for (const item of child.toArray()) if (item instanceof Y.XmlElement) units.push(unitOf(item, name === "orderedList" ? "clause" : "paragraph"));
    } else if (name === "heading") units.push(unitOf(child, "heading"));
    else units.push(unitOf(child, NOT_TEXT.has(name) ? "other" : "paragraph"));
  }
  return units;
}

/** The counted paragraphs' keys in text order (what a reading steps through and progress counts). */
export function paragraphKeys(doc: Y.Doc): string[] {
  return clauseUnits(doc)
    .filter((u) => u.counted)
    .map((u) => u.key);
}

/**
 * The unit an item of the document belongs to (its text, a mark, an attribute, a nested block),
 * or null for the top level itself or something outside the text. Walks up the item's parents:
 * cost is the nesting depth, a handful of steps.
 */
export function unitElementOf(doc: Y.Doc, type: AnyType | null): Y.XmlElement | null {
  const root = doc.getXmlFragment(DOC_FIELD);
  const chain: AnyType[] = [];
  let t: AnyType | null = type;
  while (t && t !== root) {
    chain.push(t);
    const parent: unknown = t._item?.parent ?? null;
    t = parent instanceof Y.AbstractType ? (parent as AnyType) : null;
  }
  if (t !== root || chain.length === 0) return null;
  const top = chain[chain.length - 1]!;
  if (!(top instanceof Y.XmlElement)) return null;
  if (isListElement(top) && chain.length >= 2) {
    const item = chain[chain.length - 2]!;
    return item instanceof Y.XmlElement ? item : null;
  }
  return top;
}

/** The key of the unit holding a text block (where a bracket or amendment sits), or null. */
export function unitKeyOfText(doc: Y.Doc, text: Y.XmlText): string | null {
  const unit = unitElementOf(doc, text);
  return unit ? keyOf(unit) : null;
}
