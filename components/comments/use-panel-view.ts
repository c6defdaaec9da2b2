"use client";
// What the Comments region reads from the editor: the threads' order in the text (and which
// passages were deleted), the thread selected in the text, and the comment draft. Re-renders the
// region when one of these changes — not on every keystroke that merely moves positions.
import { useEditorState, type Editor } from "@tiptap/react";
import { commentHighlightsState, type CommentDraft, type CommentHighlightsState } from "./comment-highlights";
import { textOrder, type TextOrder } from "./thread-logic";

export type PanelView = { text: TextOrder; selectedId: string | null; draft: CommentDraft | null };

// One computation per plugin state (the selector runs on every transaction).
const views = new WeakMap<CommentHighlightsState, PanelView>();

function panelView(state: Editor["state"]): PanelView | null {
  const s = commentHighlightsState(state);
  if (!s) return null;
  let v = views.get(s);
  if (!v) {
    v = { text: textOrder(s.threads, s.ranges), selectedId: s.selectedId, draft: s.draft };
    views.set(s, v);
  }
  return v;
}

function samePanelView(a: PanelView | null, b: PanelView | null): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return a.text.key === b.text.key && a.selectedId === b.selectedId && a.draft === b.draft;
}

/** Null until the editor exists and carries the comment highlights. */
export function usePanelView(editor: Editor | null): PanelView | null {
  return useEditorState({ editor, selector: ({ editor: e }) => (e ? panelView(e.state) : null), equalityFn: samePanelView });
}
