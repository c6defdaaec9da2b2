// Brackets, paragraph numbers and statuses, and the reading, drawn inside the text — for
// everyone, from the provider's drafting store (lib/realtime/drafting-state.ts). Decorations only:
// the text itself never changes here.
//
// - Paragraphs: where each unit is and its key (paragraph-units.ts), recomputed on every change
//   of the document (one walk, a fraction of a millisecond for 300 paragraphs). Decorations are
//   rebuilt only when the paragraphs' shape (keys, numbers), the brackets or the drafting state
//   change; plain typing inside a paragraph maps them.
// - Brackets: as the amendment marks (components/editor/suggest/amendment-marks.ts): anchors
//   resolved in one batch through the binding after a change from Yjs or a change of the
//   brackets, positions mapped through local transactions in between.
// - The reading: the current paragraph is framed; when it moves, the chair's tab and the tabs
//   that follow the chair scroll to it (reading-scroll.ts).
import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { mapPlaced, placeAll, type Placed, type TextRange } from "@/components/editor/placed-ranges";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import type { BracketView } from "@/lib/protocol";
import type { DraftingSnapshot, DraftingState } from "@/lib/realtime/drafting-state";
import { scrollToPassage } from "@/components/editor/scroll-to-passage";
import { closingDom, closingKey, openingDom, openingKey } from "./bracket-widgets";
import { markerDom, markerKey, unitAttrs } from "./margin-marker";
import { isBound, positionsByKey, sameShape, unitsOf, type Unit } from "./paragraph-units";
import { isAgreedStatus } from "@/lib/domain/drafting";
import { scrollToParagraphDom } from "./reading-scroll";
import { markDraftingRendered, markTextLoaded } from "../render-mark";


export type DraftingMarksState = {
  snapshot: DraftingSnapshot;
  /** The open brackets, oldest first. */
  open: readonly BracketView[];
  /** Where each open bracket's passage is now (null: its anchors do not resolve). */
  placed: ReadonlyMap<string, Placed>;
  units: readonly Unit[];
  bound: boolean;
  decorations: DecorationSet;
};

type Meta = { snapshot?: DraftingSnapshot; rekey?: true };

export const draftingMarksKey = new PluginKey<DraftingMarksState>("draftingMarks");

const EMPTY: DraftingSnapshot = { clauses: new Map(), brackets: [], reading: null };

export function draftingMarksState(state: EditorState): DraftingMarksState | null {
  return draftingMarksKey.getState(state) ?? null;
}

/** Each paragraph's position in the editor now, by key. */
export function paragraphPositions(state: EditorState): Map<string, number> {
  return positionsByKey(draftingMarksKey.getState(state)?.units ?? []);
}

/** The content ranges of the Agreed and Agreed ad referendum paragraphs (what the guard protects). */
export function agreedRanges(state: EditorState): TextRange[] {
  const s = draftingMarksKey.getState(state);
  if (!s || s.snapshot.clauses.size === 0) return [];
  const out: TextRange[] = [];
  for (const u of s.units) {
    const status = u.key ? s.snapshot.clauses.get(u.key)?.status : undefined;
    if (status && isAgreedStatus(status)) out.push({ from: u.pos + 1, to: u.end - 1 });
  }
  return out;
}

/** Where an open bracket's passage is drawn now, or null. */
export function bracketRange(state: EditorState, id: string): TextRange | null {
  return draftingMarksKey.getState(state)?.placed.get(id)?.range ?? null;
}

function isFromSync(tr: Transaction): boolean {
  return (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin === true;
}



function openOf(brackets: readonly BracketView[]): BracketView[] {
  return brackets.filter((b) => b.status === "OPEN").sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}


function currentKey(snapshot: DraftingSnapshot): string | null {
  return snapshot.reading?.active ? snapshot.reading.currentKey : null;
}

function decorate(doc: EditorState["doc"], s: Omit<DraftingMarksState, "decorations">): DecorationSet {
  const decorations: Decoration[] = [];
  const reading = currentKey(s.snapshot);
  for (const u of s.units) {
    const clause = u.key ? s.snapshot.clauses.get(u.key) : undefined;
    const status = clause?.status ?? "OPEN";
    const current = u.key !== null && u.key === reading;
    const inList = u.inList;
    const attrs = unitAttrs({ status, current, inList });
    if (attrs) decorations.push(Decoration.node(u.pos, u.end, attrs, { unitKey: u.key }));
    if (u.number === null) continue;
    const awaiting = (clause?.awaiting ?? []).filter((a) => a.confirmedAt === null).map((a) => a.code);
    const facts = { number: u.number, status, current, inList, awaiting };
    // Before the paragraph's node (inside the list item for a clause): never inside its text.
    const at = inList ? u.pos + 1 : u.pos;
    decorations.push(Decoration.widget(at, () => markerDom(u.key, facts), { side: -1, key: markerKey(u.key, facts), ignoreSelection: true, marks: [] }));
  }
  for (const b of s.open) {
    const range = s.placed.get(b.id)?.range;
    if (!range) continue;
    // Both before the caret (side < 0), as the anchors: typed at the start joins the passage, at
    // the end does not. At one position: closings first, inner before outer, then openings,
    // outer before inner ("[a][b]", "[[a] b]", "[a [b]]"); an empty bracket closes after it opens.
    const length = range.to - range.from;
    const nest = 1 / (1 + length);
    const open = -1 - (1 - nest) / 2;
    const close = length === 0 ? -0.5 : -2 - nest;
    decorations.push(Decoration.widget(range.from, () => openingDom(b), { side: open, key: openingKey(b), ignoreSelection: true, marks: [], bracketId: b.id }));
    decorations.push(Decoration.widget(range.to, () => closingDom(b), { side: close, key: closingKey(b), ignoreSelection: true, marks: [], bracketId: b.id }));
  }
  return DecorationSet.create(doc, decorations);
}

function apply(tr: Transaction, prev: DraftingMarksState, newState: EditorState): DraftingMarksState {
  const meta = tr.getMeta(draftingMarksKey) as Meta | undefined;
  const sync = isFromSync(tr);
  const bound = isBound(newState);
  if (!meta && !tr.docChanged && !sync && bound === prev.bound) return prev;

  const snapshot = meta?.snapshot ?? prev.snapshot;
  const bracketsChanged = snapshot.brackets !== prev.snapshot.brackets;
  const open = bracketsChanged ? openOf(snapshot.brackets) : prev.open;
  const size = newState.doc.content.size;

  // Paragraphs: named through the binding; a local change carries the names it cannot give.
  const local = tr.docChanged && !sync;
  const units = tr.docChanged || sync || meta?.rekey || bound !== prev.bound ? unitsOf(newState, local ? { units: prev.units, mapping: tr.mapping } : undefined) : prev.units;

  let placed = prev.placed;
  if (bound && (sync || bound !== prev.bound)) placed = placeAll(newState, open, null);
  else if (tr.docChanged) {
    placed = mapPlaced(prev.placed, tr.mapping, size);
    if (bracketsChanged) placed = placeAll(newState, open, placed);
  } else if (bracketsChanged && bound) placed = placeAll(newState, open, prev.placed);

  const next = { snapshot, open, placed, units, bound };
  // Typing inside a paragraph: everything drawn moves with the text (no redraw).
  const redraw = meta !== undefined || sync || bound !== prev.bound || bracketsChanged || !sameShape(prev.units, units);
  if (!redraw) return { ...next, decorations: tr.docChanged ? prev.decorations.map(tr.mapping, tr.doc) : prev.decorations };
  return { ...next, decorations: decorate(newState.doc, next) };
}

/** Scrolls the page to a paragraph by key, without moving focus or the selection. */
export function scrollToParagraph(editor: Editor, key: string): boolean {
  const pos = paragraphPositions(editor.state).get(key);
  return pos === undefined ? false : scrollToParagraphDom(editor.view, pos);
}

/** Scrolls the page to an open bracket in the text. False if it is not drawn. */
export function scrollToBracket(editor: Editor, id: string): boolean {
  const range = bracketRange(editor.state, id);
  if (!range) return false;
  return scrollToPassage(editor.view, `[data-bracket-id="${CSS.escape(id)}"]`, range.from);
}

export type DraftingMarksOptions = {
  drafting: DraftingState | null;
  /** Whether this tab scrolls to the paragraph being read (the chair, or following the chair). */
  followsReading: () => boolean;
};

function createMarksPlugin(options: DraftingMarksOptions): Plugin<DraftingMarksState> {
  const { drafting } = options;
  return new Plugin<DraftingMarksState>({
    key: draftingMarksKey,
    state: {
      init: (_config, state) => {
        const snapshot = drafting?.snapshot() ?? EMPTY;
        const s = { snapshot, open: openOf(snapshot.brackets), placed: new Map<string, Placed>(), units: unitsOf(state), bound: isBound(state) };
        return { ...s, decorations: decorate(state.doc, s) };
      },
      apply: (tr, prev, _old, newState) => apply(tr, prev, newState),
    },
    props: {
      decorations: (state) => draftingMarksKey.getState(state)?.decorations ?? null,
    },
    view: (view) => {
      const push = () => {
        const snapshot = drafting?.snapshot();
        const s = draftingMarksKey.getState(view.state);
        if (!snapshot || !s || s.snapshot === snapshot || view.isDestroyed) return;
        view.dispatch(view.state.tr.setMeta(draftingMarksKey, { snapshot } satisfies Meta).setMeta("addToHistory", false));
      };
      const off = drafting?.subscribe(push) ?? (() => {});
      // Changes that arrived between the state's creation and now.
      queueMicrotask(push);
      let reading = currentKey(draftingMarksKey.getState(view.state)?.snapshot ?? EMPTY);
      let rekeyedDoc: EditorState["doc"] | null = null;
      return {
        update: (v) => {
          const s = draftingMarksKey.getState(v.state);
          if (!s) return;
          // The synced text is in the editor, and its margin drawn with it (benchmark marks, once per page).
          if (s.bound && s.units.length > 0) {
            markTextLoaded();
            markDraftingRendered("margin");
          }
          // A paragraph made here (Enter, paste) is named once the binding has caught up — in
          // the sync plugin's view update, just before this one: name it now, once per document.
          if (s.bound && rekeyedDoc !== v.state.doc && s.units.some((u) => u.key === null)) {
            rekeyedDoc = v.state.doc;
            queueMicrotask(() => {
              if (!v.isDestroyed && v.state.doc === rekeyedDoc) v.dispatch(v.state.tr.setMeta(draftingMarksKey, { rekey: true } satisfies Meta).setMeta("addToHistory", false));
            });
          }
          const now = currentKey(s.snapshot);
          if (now === reading) return;
          reading = now;
          if (now && options.followsReading()) followTo(v, now);
        },
        destroy: off,
      };
    },
  });
}

function followTo(view: EditorView, key: string): void {
  // After the frame is drawn (and the editor shown, if it was waiting for a view switch).
  requestAnimationFrame(() => {
    if (view.isDestroyed) return;
    const pos = paragraphPositions(view.state).get(key);
    if (pos !== undefined) scrollToParagraphDom(view, pos);
  });
}

export const DraftingMarks = Extension.create<DraftingMarksOptions>({
  name: "draftingMarks",

  addOptions() {
    return { drafting: null, followsReading: () => false };
  },

  addProseMirrorPlugins() {
    return [createMarksPlugin(this.options)];
  },
});

