// Suggesting: while it is on ("Amendments only" for a delegate, or "Suggest" pressed), typing
// proposes amendments and never changes the shared Yjs document — the server refuses a
// delegate's text change in "Amendments only" anyway (AMENDMENTS_ONLY), so one must never leave.
//
// How input is caught (this extension's plugin comes before every other, priority 1100):
// - handleTextInput: typed characters, typing over a selection, and text committed without
//   composition (emoji pickers, dictation, CDP/Playwright insertText) — planEdit turns it into
//   a put of "my" amendment; returning true makes ProseMirror redraw the agreed text over
//   whatever the browser had put into the DOM;
// - handleKeyDown: Backspace, Delete and Enter (Enter is a line break in the amendment's text);
//   undo/redo are swallowed (the Yjs undo manager would change the document directly);
// - handlePaste: the clipboard's plain text (paragraphs joined by line breaks) as typed text;
// - handleDrop and cut are blocked with a polite word (moving text is not an amendment);
// - beforeinput of history and formatting input types is cancelled;
// - filterTransaction, the safety net: any other local transaction that would change the
//   document (toolbar commands, input rules, list keys…) is dropped. Only transactions from the
//   sync plugin (ySyncPluginKey meta isChangeOrigin: other people's changes, the first render)
//   pass, so the editor always shows the shared text.
//
// IME composition (Japanese, Chinese, Korean input methods) — a known limitation: ProseMirror
// cannot keep a composition's text in the DOM while the document does not contain it, so while
// composing (view.composing) the intermediate text is not kept: each composition update is
// swallowed and the paragraph is redrawn from the agreed text. The committed text (the
// compositionend event's data) becomes the amendment at the position where the composition
// started, and the echo of that commit through the DOM is ignored. The candidate window still
// works, but the characters being composed may flicker or not show inline until committed.
// Text that arrives as one insertText without composition (Playwright's keyboard.type of "日本語",
// which uses CDP Input.insertText) is ordinary text input and works as typed.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey, TextSelection, type EditorState } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { MAX_AMENDMENT_TEXT_CHARS } from "@/lib/domain/amendments";
import { anchorAt, rangeOf } from "../anchor-positions";
import { OBJECT, planEdit, REFUSAL_WORDS, type Edit, type OwnSpan } from "./plan-edit";
import { newAmendmentKey, type SuggestHost } from "./suggest-host";

export const suggestInputKey = new PluginKey("suggestInput");

/** After a composition is committed, its echo through the DOM arrives within this long. */
const COMMIT_ECHO_MS = 150;

/** The polite words under the toolbar: their keys in the catalogue (editor.*), worded by `say`. */
export const SUGGEST_WORDS = {
  enter: "suggest.enter",
  cut: "suggest.cut",
  drop: "suggest.drop",
  loading: "suggest.loading",
  tooLong: "suggest.tooLong",
  format: "suggest.format",
} as const;

/** Words a key of the editor's catalogue (with its values) in the reader's language. */
export type Say = (key: string, values?: Record<string, string | number>) => string;

/** Without a translator (tests), a notice is its key. */
const KEY_ONLY: Say = (key) => key;

/** Typing the sync plugin did not cause (local typing, commands, input rules) changes the document. */
function isFromSync(tr: { getMeta(key: PluginKey): unknown }): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/** My open amendments, where they are now (only mine: a handful, resolved on each keystroke). */
function ownSpans(state: EditorState, host: SuggestHost): OwnSpan[] {
  const me = host.selfId();
  if (!me) return [];
  const out: OwnSpan[] = [];
  for (const a of host.amendments()) {
    if (a.status !== "OPEN" || a.author.id !== me) continue;
    const r = rangeOf(state, a.from, a.to);
    if (r) out.push({ key: a.key, from: r.from, to: r.to, insert: a.insert });
  }
  return out;
}

export function createSuggestInputPlugin(host: SuggestHost, say: Say = KEY_ONLY): Plugin {
  const notice = (key: string, values?: Record<string, string | number>) => host.notice(say(key, values));
  /** "My current amendment": the one my last keystroke made or extended. */
  let current: string | null = null;
  let composedFrom: { from: number; to: number } | null = null;
  let committed: { text: string; until: number } | null = null;

  function propose(view: EditorView, edit: Edit): boolean {
    const { state } = view;
    const size = state.doc.content.size;
    if (edit.from < 0 || edit.to > size) return true;
    const $from = state.doc.resolve(edit.from);
    const $to = state.doc.resolve(edit.to);
    if (!$from.parent.isTextblock || !$from.sameParent($to)) {
      notice(REFUSAL_WORDS.across);
      return true;
    }
    const parent = $from.parent;
    const block = { start: $from.start(), text: parent.textBetween(0, parent.content.size, null, OBJECT) };
    const outcome = planEdit(edit, { own: ownSpans(state, host), current, block, newKey: newAmendmentKey });
    if (outcome.kind === "none") return true;
    if (outcome.kind === "refuse") {
      notice(REFUSAL_WORDS[outcome.reason]);
      return true;
    }
    if (outcome.insert.length > MAX_AMENDMENT_TEXT_CHARS) {
      notice(SUGGEST_WORDS.tooLong, { max: MAX_AMENDMENT_TEXT_CHARS });
      return true;
    }
    const from = anchorAt(state, outcome.from);
    const to = anchorAt(state, outcome.to);
    if (!from || !to) {
      notice(SUGGEST_WORDS.loading);
      return true;
    }
    current = outcome.key;
    host.put({ key: outcome.key, from, to, insert: outcome.insert, passage: state.doc.textBetween(outcome.from, outcome.to, "\n", "") });
    // The caret right after the amendment's text (or before the struck character, for Backspace).
    const now = view.state;
    const caret = Math.max(0, Math.min(outcome.caret, now.doc.content.size));
    view.dispatch(now.tr.setSelection(TextSelection.create(now.doc, caret)).setMeta("addToHistory", false).scrollIntoView());
    return true;
  }

  const selectionEdit = (view: EditorView) => ({ from: view.state.selection.from, to: view.state.selection.to });

  return new Plugin({
    key: suggestInputKey,
    filterTransaction: (tr) => !tr.docChanged || !host.isSuggesting() || isFromSync(tr),
    props: {
      handleTextInput(view, from, to, text) {
        if (!host.isSuggesting()) return false;
        // Mid-composition: not kept (see the IME note above); the commit is handled at compositionend.
        if (view.composing) return true;
        // The committed composition arriving again through the DOM (possibly in pieces): already proposed.
        if (committed && Date.now() < committed.until && committed.text.includes(text)) return true;
        committed = null;
        return propose(view, { kind: "text", from, to, text });
      },
      handleKeyDown(view, event) {
        if (!host.isSuggesting() || view.composing || event.isComposing) return false;
        const mod = event.ctrlKey || event.metaKey;
        const key = event.key;
        // Undo/redo would apply the Yjs undo manager to the shared document.
        if (mod && !event.altKey && /^[zy]$/i.test(key)) return true;
        if (key === "Backspace" || key === "Delete") {
          return propose(view, { kind: key === "Backspace" ? "backspace" : "delete", ...selectionEdit(view) });
        }
        if (key === "Enter") {
          notice(SUGGEST_WORDS.enter);
          return true;
        }
        return false;
      },
      handlePaste(view, _event, slice) {
        if (!host.isSuggesting()) return false;
        // One paragraph: pasted paragraphs and line breaks join with spaces (every word is kept).
        const text = slice.content.textBetween(0, slice.content.size, " ", " ").replace(/\s*[\r\n\u2028\u2029]+\s*/g, " ");
        return propose(view, { kind: "text", ...selectionEdit(view), text });
      },
      handleDrop() {
        if (!host.isSuggesting()) return false;
        notice(SUGGEST_WORDS.drop);
        return true;
      },
      handleDOMEvents: {
        cut(_view, event) {
          if (!host.isSuggesting()) return false;
          event.preventDefault();
          notice(SUGGEST_WORDS.cut);
          return true;
        },
        beforeinput(_view, event) {
          if (!host.isSuggesting()) return false;
          const type = (event as InputEvent).inputType ?? "";
          if (type === "historyUndo" || type === "historyRedo" || type === "deleteByCut" || type === "deleteByDrag" || type === "insertFromDrop") {
            event.preventDefault();
            return true;
          }
          if (type.startsWith("format")) {
            event.preventDefault();
            notice(SUGGEST_WORDS.format);
            return true;
          }
          return false;
        },
        compositionstart(view) {
          if (host.isSuggesting()) composedFrom = selectionEdit(view);
          return false;
        },
        compositionend(view, event) {
          if (!host.isSuggesting() || !composedFrom) return false;
          const at = composedFrom;
          composedFrom = null;
          const text = (event as CompositionEvent).data ?? "";
          if (!text) return false;
          committed = { text, until: Date.now() + COMMIT_ECHO_MS };
          propose(view, { kind: "text", from: at.from, to: at.to, text });
          return false;
        },
      },
    },
  });
}

export const SuggestInput = Extension.create<{ host: SuggestHost | null; say?: Say }>({
  name: "suggestInput",
  // Before every other plugin (Collaboration's undo keys are 1000): its keys and text come first.
  priority: 1100,

  addOptions() {
    return { host: null, say: undefined };
  },

  addProseMirrorPlugins() {
    return this.options.host ? [createSuggestInputPlugin(this.options.host, this.options.say)] : [];
  },
});
