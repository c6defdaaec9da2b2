// Many anchors to editor positions at once, for the amendment marks. rangeOf
// (../anchor-positions.ts, through y-tiptap) walks every block before an anchor's paragraph, for
// each anchor: with 200 amendments on a long text that is ~20 ms per change. Here the top-level
// blocks' positions are summed once per batch, so each anchor costs only its own paragraph (and
// the list items around it). Same answers as rangeOf, except that an anchor inside a deleted
// block is null here (rangeOf gives a position that means nothing then).
import * as Y from "yjs";
import type { EditorState } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import { ySyncPluginKey, type ProsemirrorBinding } from "@tiptap/y-tiptap";

export type TextRange = { from: number; to: number };
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types' event parameters differ per type
type AnyType = Y.AbstractType<any>;

/** A resolver for the editor's current document, or null before the editor is bound to Yjs. */
export function rangeResolver(state: EditorState): ((from: Uint8Array, to: Uint8Array) => TextRange | null) | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined)?.binding;
  if (!binding) return null;
  const root = binding.type as unknown as AnyType;
  const mapping = binding.mapping as Map<AnyType, PmNode | PmNode[]>;
  const ydoc = binding.doc;
  let rootOffsets: Map<AnyType, number> | null = null;

  const sizeOf = (t: AnyType): number | null => {
    if (t instanceof Y.XmlText) return t._length;
    const n = mapping.get(t);
    return n && !Array.isArray(n) ? n.nodeSize : null;
  };

  /** The editor position before each top-level block: summed once per batch. */
  const offsets = (): Map<AnyType, number> => {
    if (rootOffsets) return rootOffsets;
    rootOffsets = new Map();
    let pos = 0;
    for (let n = root._start; n !== null; n = n.right) {
      if (n.deleted) continue;
      const t = (n.content as Y.ContentType).type as AnyType;
      rootOffsets.set(t, pos);
      pos += sizeOf(t) ?? 0;
    }
    return rootOffsets;
  };

  /** The sizes of a parent's children before `child` (or before its `index`-th child). */
  const before = (parent: AnyType, stop: { child: AnyType } | { index: number }): number | null => {
    let pos = 0;
    let i = 0;
    for (let n = parent._start; n !== null; n = n.right) {
      const t = (n.content as Y.ContentType).type as AnyType;
      if ("child" in stop ? t === stop.child : i >= stop.index) return pos;
      if (n.deleted) continue;
      const size = sizeOf(t);
      if (size === null) return null;
      pos += size;
      i++;
    }
    return "child" in stop ? null : pos;
  };

  const positionOf = (bytes: Uint8Array): number | null => {
    let abs: Y.AbsolutePosition | null;
    try {
      abs = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(bytes), ydoc);
    } catch {
      return null;
    }
    if (!abs) return null;
    let type = abs.type as AnyType;
    let pos: number;
    if (type instanceof Y.XmlText) pos = abs.index;
    else {
      const inside = before(type, { index: abs.index });
      if (inside === null) return null;
      if (type === root) return inside;
      pos = inside + 1;
    }
    while (type !== root) {
      const item = type._item;
      if (!item || item.deleted) return null;
      const parent = item.parent as AnyType;
      if (parent === root) {
        const off = offsets().get(type);
        return off === undefined ? null : pos + off;
      }
      const siblings = before(parent, { child: type });
      if (siblings === null) return null;
      pos += 1 + siblings;
      type = parent;
    }
    return null;
  };

  return (from, to) => {
    const a = positionOf(from);
    const b = positionOf(to);
    return a === null || b === null || a > b ? null : { from: a, to: b };
  };
}
