// Between the editor's positions and anchors (encoded Yjs relative positions, the form the
// server stores amendments and comment threads in; lib/document/anchors.ts resolves them there).
// Through the sync plugin's binding: its mapping knows which Yjs type each node came from.
import * as Y from "yjs";
import type { EditorState } from "@tiptap/pm/state";
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey, type ProsemirrorBinding } from "@tiptap/y-tiptap";

function bindingOf(state: EditorState): ProsemirrorBinding | null {
  return (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined)?.binding ?? null;
}

/** The anchor for a position in the text (null before the editor is bound to its document). */
export function anchorAt(state: EditorState, pos: number): Uint8Array | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  const rel = absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition | null;
  return rel ? Y.encodeRelativePosition(rel) : null;
}

/** Where a pair of anchors is in the editor now, or null (the passage's paragraph was deleted…). */
export function rangeOf(state: EditorState, from: Uint8Array, to: Uint8Array): { from: number; to: number } | null {
  const binding = bindingOf(state);
  if (!binding) return null;
  try {
    const a = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(from), binding.mapping);
    const b = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(to), binding.mapping);
    if (a === null || b === null || a > b) return null;
    return { from: a, to: b };
  } catch {
    return null;
  }
}
