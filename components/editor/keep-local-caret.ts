// Keeps my caret where Yjs says it is when someone else types in the same paragraph.
//
// @tiptap/y-tiptap 3.0.9 restores the local selection after every remote change and then
// second-guesses the Yjs answer whenever the caret's paragraph text changed: it re-places the
// caret by the old character offset if the old text is a prefix of the new one. When two
// delegates type at the end of one paragraph, that lands my caret one step back, before the
// space I just typed, so my next word goes in front of it ("…ports; Japan adds… " instead of
// "…ports;  Japan adds…"). The Yjs relative position (anchored to the neighbouring character,
// which is what upstream y-prosemirror uses) is exact for edits inside a paragraph; the
// heuristic is only needed for structural changes (blocks moved, split, replaced), so it is
// overridden only when both answers fall in the same textblock.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { relativePositionToAbsolutePosition, ySyncPluginKey } from "@tiptap/y-tiptap";
import type { ProsemirrorBinding } from "@tiptap/y-tiptap";

type SyncMeta = { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean } | undefined;

function inTextblock(state: EditorState, pos: number): number | null {
  if (pos < 0 || pos > state.doc.content.size) return null;
  const $pos = state.doc.resolve(pos);
  return $pos.parent.isTextblock ? $pos.start() : null;
}

export const KeepLocalCaret = Extension.create({
  name: "keepLocalCaret",

  addProseMirrorPlugins() {
    let view: EditorView | null = null;
    return [
      new Plugin({
        key: new PluginKey("keepLocalCaret"),
        view: (v) => {
          view = v;
          return { destroy: () => void (view = null) };
        },
        appendTransaction: (transactions, _old, state) => {
          // Mid-composition (CJK IME) the browser owns the selection: never move it then.
          if (view?.composing) return null;
          // Only a remote change applied by the sync plugin (not undo/redo, not local typing).
          const remote = transactions.some((tr) => {
            const meta = tr.getMeta(ySyncPluginKey) as SyncMeta;
            return meta?.isChangeOrigin === true && !meta.isUndoRedoOperation && tr.docChanged;
          });
          if (!remote) return null;
          const binding = (ySyncPluginKey.getState(state) as { binding?: ProsemirrorBinding } | undefined)?.binding;
          // Captured by the binding when the Yjs transaction began; cleared once it ends.
          const rel = binding?.beforeTransactionSelection;
          if (!binding || !rel || rel.type !== "text") return null;
          const anchor = relativePositionToAbsolutePosition(binding.doc, binding.type, rel.anchor, binding.mapping);
          const head = relativePositionToAbsolutePosition(binding.doc, binding.type, rel.head, binding.mapping);
          if (anchor === null || head === null) return null;
          const { selection } = state;
          if (selection.anchor === anchor && selection.head === head) return null;
          // Same paragraph by both answers: an inline edit, where the Yjs answer is exact.
          const blocks = [inTextblock(state, anchor), inTextblock(state, head), inTextblock(state, selection.anchor), inTextblock(state, selection.head)];
          if (blocks.some((b) => b === null || b !== blocks[0])) return null;
          return state.tr.setSelection(TextSelection.create(state.doc, anchor, head)).setMeta("addToHistory", false);
        },
      }),
    ];
  },
});
