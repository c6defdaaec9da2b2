// Agreed text stays as agreed, in the browser too: a local change whose steps touch an Agreed
// or Agreed ad referendum paragraph (typing, paste, delete, Enter, formatting, joining it with a
// neighbour) is dropped before it reaches the document — the server would refuse it anyway
// (lib/domain/drafting.ts mayChangeParagraph), and a refused change reloads the editor. A polite
// word says why, once per burst of attempts. Changes from Yjs (other people's, the first render,
// a reload) always pass: the editor must show the shared text.
//
// A step touches a paragraph when its range meets the paragraph's content, edges included
// (typing at its very start or end, Enter at its end); a new block inserted next to it does not.
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { Step } from "@tiptap/pm/transform";
import type { EditorView } from "@tiptap/pm/view";
import { Extension } from "@tiptap/core";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { agreedRanges } from "./drafting-marks";
import { ENGLISH_WORDS } from "../words";
import { editorWords } from "./editor-words";

/** The notice in English (the reader's own words are said: editor-words.ts). */
export const AGREED_WORDS = ENGLISH_WORDS.t("agreedGuard.notice");

/** Set on a transaction that may change agreed text anyway (none does today; a deliberate escape). */
export const ALLOW_AGREED_CHANGE = "accord:allowAgreedChange";

/** A burst of refused keystrokes gets one notice. */
const NOTICE_QUIET_MS = 4000;

export const agreedGuardKey = new PluginKey("agreedGuard");

export type Range = { from: number; to: number };

/** The ranges a step changes, in the coordinates of the document it applies to. */
function stepRanges(step: Step): Range[] {
  const out: Range[] = [];
  step.getMap().forEach((oldStart, oldEnd) => out.push({ from: oldStart, to: oldEnd }));
  // Mark and attribute steps change no positions (their map is empty): their own range counts.
  const s = step as unknown as { from?: unknown; to?: unknown; pos?: unknown };
  if (typeof s.from === "number" && typeof s.to === "number") out.push({ from: s.from, to: s.to });
  else if (typeof s.pos === "number") out.push({ from: s.pos, to: s.pos + 1 });
  return out;
}

/** Whether any step of `tr` touches one of `protectedRanges` (given in the document before `tr`). */
export function touchesAny(tr: Transaction, protectedRanges: readonly Range[]): boolean {
  if (protectedRanges.length === 0) return false;
  for (let i = 0; i < tr.steps.length; i++) {
    // Step i's positions are in the document after steps 0..i-1: map them back to the start.
    const back = i === 0 ? null : tr.mapping.slice(0, i).invert();
    for (const r of stepRanges(tr.steps[i]!)) {
      const from = back ? back.map(r.from, -1) : r.from;
      const to = back ? back.map(r.to, 1) : r.to;
      if (meets(from, to, protectedRanges)) return true;
    }
  }
  return false;
}

function isFromSync(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}

/** Whether [from, to] meets one of the ranges. */
function meets(from: number, to: number, ranges: readonly Range[]): boolean {
  return ranges.some((p) => from <= p.to && to >= p.from);
}

/**
 * `agreedRanges`: the agreed paragraphs' content ranges in a state (drafting-marks.ts knows them).
 * Keys, typed text and paste are also refused up front (before suggesting turns them into an
 * amendment the server would refuse); the filter is the safety net for everything else.
 */
export function createAgreedGuard(options: { notice: (message: string) => void; agreedRanges: (state: EditorState) => readonly Range[] }): Plugin {
  let lastNotice = 0;
  const refuse = (): true => {
    const now = Date.now();
    if (now - lastNotice > NOTICE_QUIET_MS) options.notice(editorWords().t("agreedGuard.notice"));
    lastNotice = now;
    return true;
  };
  const refused = (view: EditorView, from: number, to: number): boolean => meets(from, to, options.agreedRanges(view.state)) && refuse();

  return new Plugin({
    key: agreedGuardKey,
    filterTransaction: (tr, state) => {
      if (!tr.docChanged || isFromSync(tr) || tr.getMeta(ALLOW_AGREED_CHANGE) === true) return true;
      return touchesAny(tr, options.agreedRanges(state)) ? !refuse() : true;
    },
    props: {
      handleTextInput: (view, from, to) => refused(view, from, to),
      handlePaste: (view) => refused(view, view.state.selection.from, view.state.selection.to),
      handleKeyDown: (view, event) => {
        if (event.isComposing || view.composing) return false;
        const { from, to, empty } = view.state.selection;
        // Backspace at a paragraph's start joins it to the one before; Delete at its end, the one after.
        if (event.key === "Backspace") return refused(view, empty ? from - 1 : from, to);
        if (event.key === "Delete") return refused(view, from, empty ? to + 1 : to);
        if (event.key === "Enter") return refused(view, from, to);
        return false;
      },
    },
  });
}

/** The guard for the editor, reading the drafting marks' paragraphs and statuses. */
export const AgreedGuard = Extension.create<{ notice: (message: string) => void }>({
  name: "agreedGuard",
  // Before suggesting (1100): a keystroke in an agreed paragraph is refused here, not proposed.
  // (The marks' own plugin keeps the default priority: it reads the sync plugin's state.)
  priority: 1200,

  addOptions() {
    return { notice: () => {} };
  },

  addProseMirrorPlugins() {
    return [createAgreedGuard({ notice: this.options.notice, agreedRanges })];
  },
});
