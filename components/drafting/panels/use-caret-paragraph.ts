"use client";
// Which paragraph the editor's caret is in, as a paragraph key (lib/document/clauses.ts): the
// caret's position is turned into a Yjs relative position through the sync plugin's binding,
// resolved to the Yjs type it sits in, and walked up to its unit. The Paragraph panel shows that
// paragraph's status when no reading is running.
import { useEditorState, type Editor } from "@tiptap/react";
import type { EditorState } from "@tiptap/pm/state";
import type { Node as PmNode } from "@tiptap/pm/model";
import { absolutePositionToRelativePosition, ySyncPluginKey, type ProsemirrorBinding } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { keyOf, unitElementOf } from "@/lib/document/clauses";

// One resolution per (document, text block): moving the caret within a block costs nothing.
const cache = new WeakMap<PmNode, Map<number, string | null>>();

/** The key of the unit holding the caret, or null (not bound yet, or outside any unit). */
export function caretUnitKey(state: EditorState): string | null {
  const binding = (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined)?.binding;
  if (!binding) return null;
  const { $from } = state.selection;
  const block = $from.depth > 0 ? $from.start() : $from.pos;
  let perDoc = cache.get(state.doc);
  if (!perDoc) {
    perDoc = new Map();
    cache.set(state.doc, perDoc);
  }
  const known = perDoc.get(block);
  if (known !== undefined) return known;
  let key: string | null = null;
  try {
    const rel = absolutePositionToRelativePosition(block, binding.type, binding.mapping) as Y.RelativePosition | null;
    const abs = rel ? Y.createAbsolutePositionFromRelativePosition(rel, binding.doc) : null;
    const unit = abs ? unitElementOf(binding.doc, abs.type) : null;
    key = unit ? keyOf(unit) : null;
  } catch {
    // The binding's mapping lags a remote change by one transaction: the next one resolves it.
    key = null;
  }
  // A miss is not remembered: the binding may simply not have caught up yet.
  if (key !== null) perDoc.set(block, key);
  return key;
}

/** The caret's paragraph key; re-renders only when it changes, not on every keystroke. */
export function useCaretParagraph(editor: Editor | null): string | null {
  return useEditorState({ editor, selector: ({ editor: e }) => (e ? caretUnitKey(e.state) : null) }) ?? null;
}
