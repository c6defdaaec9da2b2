// Open amendments drawn inside the text, for everyone: the passage an amendment replaces struck
// through (<del>) and its new text right after it (<ins>, underlined), both in the proposing
// delegation's colour. The inserted text is a widget at the passage's end that sits before the
// caret (side -1), so the one who types it keeps typing after it. The text itself never
// changes: these are decorations over the agreed text.
//
// Cost: where each amendment is comes from its anchors (Yjs relative positions, resolved through
// the sync plugin's binding, in one batch: batch-positions.ts) when the text changed from Yjs (someone else's change, the first
// render) and, for amendments whose anchors changed, when the list changes — one resolution per
// changed amendment, not all of them per keystroke. A local edit (open drafting) maps the known
// positions through the transaction instead: the binding's own mapping catches up only after the
// transaction, in the sync plugin's view update.
import { scrollToPassage } from "../scroll-to-passage";
import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import { mapPlaced, placeAll, type Placed, type TextRange } from "../placed-ranges";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { amendmentColour } from "@/components/amendments/amendment-words";
import type { ShownAmendment } from "@/lib/realtime/amendment-drafts";
import type { SuggestHost } from "./suggest-host";
import type { Say } from "./suggest-input";

/** Without a translator (tests), a title is its key. */
const KEY_ONLY: Say = (key) => key;


export type AmendmentMarksState = {
  /** The open amendments drawn. */
  open: readonly ShownAmendment[];
  /** Where each open amendment's passage is now (null: its anchors do not resolve). */
  placed: ReadonlyMap<string, Placed>;
  selectedId: string | null;
  bound: boolean;
  decorations: DecorationSet;
};

type Meta = { list?: readonly ShownAmendment[]; selectedId?: string | null };

export const amendmentMarksKey = new PluginKey<AmendmentMarksState>("amendmentMarks");

export function amendmentMarksState(state: EditorState): AmendmentMarksState | null {
  return amendmentMarksKey.getState(state) ?? null;
}

/** Where an open amendment is drawn now, or null. */
export function amendmentRange(state: EditorState, id: string): TextRange | null {
  return amendmentMarksKey.getState(state)?.placed.get(id)?.range ?? null;
}

function isBound(state: EditorState): boolean {
  return Boolean((ySyncPluginKey.getState(state) as { binding?: unknown } | undefined)?.binding);
}




/** Who proposed it, in the reader's language (editor.suggest.marks.*); a delegation's name is data. */
function insertionTitle(a: ShownAmendment, say: Say): string {
  const by = a.delegation ? say("suggest.marks.proposedBy", { name: a.delegation.name }) : say("suggest.marks.proposedByChair");
  return a.pending ? say("suggest.marks.sending", { title: by }) : by;
}

function deletionTitle(a: ShownAmendment, say: Say): string {
  return a.delegation ? say("suggest.marks.deletionBy", { name: a.delegation.name }) : say("suggest.marks.deletionByChair");
}

function insertionDom(a: ShownAmendment, colour: string, selected: boolean, say: Say): HTMLElement {
  const ins = document.createElement("ins");
  // textContent, never innerHTML: the text is someone's input.
  ins.textContent = a.insert;
  ins.className = "amendment-insertion";
  ins.dataset.amendmentId = a.id;
  ins.title = insertionTitle(a, say);
  ins.setAttribute(
    "style",
    `color: ${colour}; text-decoration: underline; text-decoration-color: ${colour}; text-decoration-thickness: 2px; text-underline-offset: 3px; ` +
      `white-space: pre-wrap; background-color: color-mix(in srgb, ${colour} 10%, transparent); border-radius: 2px;` +
      (selected ? ` outline: 2px solid ${colour}; outline-offset: 1px;` : "") +
      (a.pending ? " opacity: 0.85;" : ""),
  );
  return ins;
}

function decorate(doc: EditorState["doc"], s: Omit<AmendmentMarksState, "decorations">, say: Say): DecorationSet {
  const decorations: Decoration[] = [];
  for (const a of s.open) {
    const range = s.placed.get(a.id)?.range;
    if (!range) continue;
    const colour = amendmentColour(a.delegation);
    const selected = a.id === s.selectedId;
    if (range.from < range.to) {
      decorations.push(
        Decoration.inline(
          range.from,
          range.to,
          {
            nodeName: "del",
            class: "amendment-deletion",
            "data-amendment-id": a.id,
            title: deletionTitle(a, say),
            style:
              `text-decoration: line-through; text-decoration-color: ${colour}; text-decoration-thickness: 2px; ` +
              `background-color: color-mix(in srgb, ${colour} 8%, transparent);` +
              (selected ? ` outline: 2px solid ${colour}; outline-offset: 1px;` : ""),
          },
          { amendmentId: a.id },
        ),
      );
    }
    if (a.insert !== "") {
      decorations.push(
        Decoration.widget(range.to, () => insertionDom(a, colour, selected, say), {
          side: -1,
          // Drawn again only when what it shows changes.
          key: `amendment:${a.id}:${colour}:${selected ? 1 : 0}:${a.pending ? 1 : 0}:${a.insert}`,
          ignoreSelection: true,
          amendmentId: a.id,
        }),
      );
    }
  }
  return DecorationSet.create(doc, decorations);
}

function openOf(list: readonly ShownAmendment[]): ShownAmendment[] {
  return list.filter((a) => a.status === "OPEN");
}

function apply(tr: Transaction, prev: AmendmentMarksState, newState: EditorState, say: Say): AmendmentMarksState {
  const meta = tr.getMeta(amendmentMarksKey) as Meta | undefined;
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  const bound = isBound(newState);
  const open = meta?.list ? openOf(meta.list) : prev.open;
  const selectedId = meta && "selectedId" in meta ? (meta.selectedId ?? null) : prev.selectedId;
  const size = newState.doc.content.size;

  let placed = prev.placed;
  if (bound && (sync?.isChangeOrigin === true || bound !== prev.bound)) {
    // The text changed from Yjs (the mapping was rebuilt before this transaction), or the editor
    // was just bound: every position from its anchors.
    placed = placeAll(newState, open, null);
  } else if (tr.docChanged) {
    placed = mapPlaced(prev.placed, tr.mapping, size);
    if (meta?.list) placed = placeAll(newState, open, placed);
  } else if (meta?.list && bound) {
    // New or revised amendments: only those whose anchors changed are resolved.
    placed = placeAll(newState, open, prev.placed);
  }

  const changed = placed !== prev.placed || open !== prev.open || selectedId !== prev.selectedId || bound !== prev.bound;
  if (!changed) return tr.docChanged ? { ...prev, decorations: prev.decorations.map(tr.mapping, tr.doc) } : prev;
  const next = { open, placed, selectedId, bound };
  return { ...next, decorations: decorate(newState.doc, next, say) };
}

/** Highlights an amendment in the text (or none). */
export function selectAmendment(view: EditorView, id: string | null): void {
  const s = amendmentMarksKey.getState(view.state);
  if (!s || s.selectedId === id) return;
  view.dispatch(view.state.tr.setMeta(amendmentMarksKey, { selectedId: id } satisfies Meta).setMeta("addToHistory", false));
}

/** Scrolls the page to an amendment in the text, without moving focus. False if it is not drawn. */
export function scrollToAmendment(editor: Editor, id: string): boolean {
  const view = editor.view;
  const range = amendmentRange(view.state, id);
  if (!range) return false;
  return scrollToPassage(view, `[data-amendment-id="${CSS.escape(id)}"]`, range.from);
}

export const AmendmentMarks = Extension.create<{ host: SuggestHost | null; say?: Say }>({
  name: "amendmentMarks",

  addOptions() {
    return { host: null, say: undefined };
  },

  addProseMirrorPlugins() {
    const host = this.options.host;
    const say = this.options.say ?? KEY_ONLY;
    return [
      new Plugin<AmendmentMarksState>({
        key: amendmentMarksKey,
        state: {
          init: () => ({ open: openOf(host?.amendments() ?? []), placed: new Map(), selectedId: null, bound: false, decorations: DecorationSet.empty }),
          apply: (tr, prev, _old, newState) => apply(tr, prev, newState, say),
        },
        props: {
          decorations: (state) => amendmentMarksKey.getState(state)?.decorations ?? null,
          handleClick: (view, _pos, event) => {
            const target = event.target instanceof Element ? event.target.closest<HTMLElement>("[data-amendment-id]") : null;
            const id = target?.dataset.amendmentId;
            if (id && host?.select) host.select(id);
            // The click still places the caret as usual.
            return false;
          },
        },
        view: (view) => {
          if (!host) return {};
          let last: readonly ShownAmendment[] | null = null;
          const push = () => {
            const list = host.amendments();
            if (view.isDestroyed || list === last) return;
            last = list;
            view.dispatch(view.state.tr.setMeta(amendmentMarksKey, { list } satisfies Meta).setMeta("addToHistory", false));
          };
          const off = host.subscribe(push);
          // Amendments that arrived between the state's creation and now.
          queueMicrotask(push);
          return { destroy: off };
        },
      }),
    ];
  },
});
