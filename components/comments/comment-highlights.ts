// Comment threads inside the text: each open thread's passage drawn as a light highlight (a
// delegation-only thread in its delegation's colour), the selected thread's stronger, and the
// passage of a comment being written marked until it is posted. Clicking a highlight selects
// its thread in the Comments region. The plugin's state is the one place the editor, the
// toolbar's Comment button and the region share: the threads, where each passage is now, the
// selected thread and the draft's passage.
//
// Where a passage is: its anchors (Yjs relative positions) are resolved through the sync
// plugin's binding whenever the text changed from Yjs (someone else's change, undo, the first
// render) or the threads changed; a local edit maps the known positions through the
// transaction instead (the binding's own mapping only catches up after the transaction, in the
// sync plugin's view update).
import { scrollToPassage } from "../editor/scroll-to-passage";
import { Extension, type Editor } from "@tiptap/core";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { Mapping } from "@tiptap/pm/transform";
import { ySyncPluginKey } from "@tiptap/y-tiptap";
import { anchorAt, rangeOf } from "@/components/editor/anchor-positions";
import { mayStartThread } from "@/lib/domain/comments";
import type { ThreadView } from "@/lib/protocol";
import type { Annotations } from "@/lib/realtime/annotations";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { commentableRange, isOnDeletedText, safeColour, type TextRange } from "./thread-logic";

/** Pressed in the text: comment on the selected passage (Google Docs' key, on every platform). */
export const COMMENT_SHORTCUT = "Mod-Alt-m";
export const COMMENT_SHORTCUT_LABEL = "Ctrl+Alt+M";
/** The toolbar's "Comment" button: the comment form's Cancel returns focus to it. */
export const COMMENT_BUTTON_ID = "comment-selection-button";
export const HIGHLIGHT_CLASS = "comment-highlight";

/** A comment being written: the passage's anchors (what the server gets) and its text when chosen. */
export type CommentDraft = { from: Uint8Array; to: Uint8Array; quote: string; /** New on every "Comment" press. */ seq: number };

export type CommentHighlightsState = {
  threads: readonly ThreadView[];
  /** Where each thread's passage is now (null: its anchors do not resolve). */
  ranges: ReadonlyMap<string, TextRange | null>;
  selectedId: string | null;
  draft: CommentDraft | null;
  draftRange: TextRange | null;
  /** Whether the sync plugin's binding existed when the ranges were last resolved. */
  bound: boolean;
  decorations: DecorationSet;
};

type Meta = { threads?: readonly ThreadView[]; selectedId?: string | null; draft?: CommentDraft | null; draftRange?: TextRange | null };

export const commentHighlightsKey = new PluginKey<CommentHighlightsState>("commentHighlights");

export function commentHighlightsState(state: EditorState): CommentHighlightsState | null {
  return commentHighlightsKey.getState(state) ?? null;
}

function isBound(state: EditorState): boolean {
  return Boolean((ySyncPluginKey.getState(state) as { binding?: unknown } | undefined)?.binding);
}

function clamp(range: TextRange | null, size: number): TextRange | null {
  if (!range) return null;
  const from = Math.max(0, Math.min(range.from, size));
  const to = Math.max(from, Math.min(range.to, size));
  return { from, to };
}

function resolveAll(state: EditorState, threads: readonly ThreadView[]): Map<string, TextRange | null> {
  const size = state.doc.content.size;
  return new Map(threads.map((t) => [t.id, clamp(rangeOf(state, t.from, t.to), size)]));
}

/** Both ends stay before text typed exactly at them, as their anchors (tied to the character before) do. */
function mapRange(range: TextRange | null, mapping: Mapping): TextRange | null {
  if (!range) return null;
  const from = mapping.map(range.from, -1);
  return { from, to: Math.max(from, mapping.map(range.to, -1)) };
}

const PUBLIC_TINT = "rgba(250, 204, 21, 0.26)";
const PUBLIC_LINE = "rgba(202, 138, 4, 0.75)";
const SELECTED_PUBLIC_TINT = "rgba(250, 204, 21, 0.5)";

function highlightStyle(thread: ThreadView, selected: boolean): string {
  if (thread.visibility === "DELEGATION") {
    const c = safeColour(thread.delegation?.colour);
    return `background-color: color-mix(in srgb, ${c} ${selected ? 34 : 18}%, transparent); border-bottom: 2px solid ${c};${selected ? ` outline: 2px solid ${c}; outline-offset: 1px;` : ""}`;
  }
  return `background-color: ${selected ? SELECTED_PUBLIC_TINT : PUBLIC_TINT}; border-bottom: 2px solid ${PUBLIC_LINE};${selected ? ` outline: 2px solid ${PUBLIC_LINE}; outline-offset: 1px;` : ""}`;
}

function decorate(doc: EditorState["doc"], s: Omit<CommentHighlightsState, "decorations">): DecorationSet {
  const decorations: Decoration[] = [];
  for (const t of s.threads) {
    const selected = t.id === s.selectedId;
    // Resolved threads are not drawn, unless selected in the list (to show where they were).
    if (t.resolved && !selected) continue;
    const range = s.ranges.get(t.id);
    if (!range || isOnDeletedText(range, t.quote) || range.from >= range.to) continue;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: `${HIGHLIGHT_CLASS} cursor-pointer rounded-sm print:bg-transparent! print:border-0! print:outline-0!`,
          style: highlightStyle(t, selected),
          "data-thread-id": t.id,
        },
        // As the anchors: text typed at the start joins the passage, at the end does not.
        { threadId: t.id, inclusiveStart: true, inclusiveEnd: false },
      ),
    );
  }
  if (s.draftRange && s.draftRange.from < s.draftRange.to) {
    decorations.push(
      Decoration.inline(
        s.draftRange.from,
        s.draftRange.to,
        {
          class: "comment-draft rounded-sm print:bg-transparent! print:border-0!",
          style: "background-color: rgba(14, 165, 233, 0.2); border-bottom: 2px dashed #0369a1;",
          "data-comment-draft": "true",
        },
        { inclusiveStart: true, inclusiveEnd: false },
      ),
    );
  }
  return DecorationSet.create(doc, decorations);
}

function apply(tr: Transaction, prev: CommentHighlightsState, newState: EditorState): CommentHighlightsState {
  const meta = tr.getMeta(commentHighlightsKey) as Meta | undefined;
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  const bound = isBound(newState);
  const threads = meta?.threads ?? prev.threads;
  const draft = meta && "draft" in meta ? (meta.draft ?? null) : prev.draft;
  const selectedId = meta && "selectedId" in meta ? (meta.selectedId ?? null) : prev.selectedId;
  const size = newState.doc.content.size;

  let { ranges, draftRange } = prev;
  // From Yjs (the mapping was rebuilt before this transaction), newly bound, or new threads
  // (no text change comes with them, so the binding's mapping is current): from the anchors.
  const fromAnchors = sync?.isChangeOrigin === true || bound !== prev.bound || meta?.threads !== undefined;
  if (fromAnchors && bound) {
    ranges = resolveAll(newState, threads);
    draftRange = draft ? clamp(rangeOf(newState, draft.from, draft.to), size) : null;
  } else if (tr.docChanged) {
    ranges = new Map([...prev.ranges].map(([id, r]) => [id, clamp(mapRange(r, tr.mapping), size)]));
    draftRange = clamp(mapRange(prev.draftRange, tr.mapping), size);
  }
  // A new draft carries the positions it was made from.
  if (meta && "draft" in meta) draftRange = draft ? clamp(meta.draftRange ?? null, size) : null;

  const resolved = fromAnchors && bound;
  if (!meta && !resolved) {
    if (!tr.docChanged) return prev;
    // Local typing: the drawn passages move with the text as their positions do (no redraw).
    return { ...prev, ranges, draftRange, decorations: prev.decorations.map(tr.mapping, tr.doc) };
  }
  const next = { threads, ranges, selectedId, draft, draftRange, bound };
  return { ...next, decorations: decorate(newState.doc, next) };
}

/** The thread under a click: the shortest drawn passage containing the position. */
function threadAt(s: CommentHighlightsState, pos: number): string | null {
  let best: { id: string; length: number } | null = null;
  for (const d of s.decorations.find(pos, pos)) {
    const id = (d.spec as { threadId?: string }).threadId;
    if (!id || d.from > pos || d.to < pos) continue;
    const length = d.to - d.from;
    if (!best || length < best.length) best = { id, length };
  }
  return best?.id ?? null;
}

/** Selects a thread (or none): its passage is drawn stronger and the region shows it. */
export function selectThread(view: EditorView, threadId: string | null): void {
  const s = commentHighlightsKey.getState(view.state);
  if (!s || s.selectedId === threadId) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { selectedId: threadId } satisfies Meta).setMeta("addToHistory", false));
}

let draftSeq = 0;

/**
 * Starts a comment on the selected passage (the toolbar button and the shortcut): anchors it,
 * remembers its text, and marks it in the text. False when the selection cannot be commented on.
 */
export function startCommentDraft(view: EditorView): boolean {
  const { state } = view;
  const range = commentableRange(state);
  if (!range) return false;
  const from = anchorAt(state, range.from);
  const to = anchorAt(state, range.to);
  if (!from || !to) return false;
  const draft: CommentDraft = { from, to, quote: state.doc.textBetween(range.from, range.to, " "), seq: ++draftSeq };
  view.dispatch(state.tr.setMeta(commentHighlightsKey, { draft, draftRange: range } satisfies Meta).setMeta("addToHistory", false));
  return true;
}

export function clearCommentDraft(view: EditorView): void {
  const s = commentHighlightsKey.getState(view.state);
  if (!s?.draft) return;
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { draft: null } satisfies Meta).setMeta("addToHistory", false));
}

/** Whether this member may start a thread now (not an observer, the proposal not decided). */
export function mayComment(provider: Pick<ProposalProvider, "self" | "state">): boolean {
  const self = provider.self;
  if (!self || !provider.state) return false;
  return mayStartThread({ userId: self.userId, role: self.role, delegationId: self.delegation?.id ?? null }, "EVERYONE", provider.state).ok;
}

/** Scrolls the text (the page) to a thread's passage, without moving focus or the selection. */
export function scrollToThread(editor: Editor, threadId: string): boolean {
  const view = editor.view;
  const s = commentHighlightsKey.getState(view.state);
  const range = s?.ranges.get(threadId);
  if (!range) return false;
  return scrollToPassage(view, `[data-thread-id="${CSS.escape(threadId)}"]`, range.from);
}

type Options = { annotations: Annotations | null; mayComment: () => boolean };

export const CommentHighlights = Extension.create<Options>({
  name: "commentHighlights",

  addOptions() {
    return { annotations: null, mayComment: () => false };
  },

  addKeyboardShortcuts() {
    return {
      [COMMENT_SHORTCUT]: ({ editor }) => {
        if (!this.options.mayComment()) return false;
        return startCommentDraft(editor.view);
      },
    };
  },

  addProseMirrorPlugins() {
    const annotations = this.options.annotations;
    return [
      new Plugin<CommentHighlightsState>({
        key: commentHighlightsKey,
        state: {
          init: (_config, state) => {
            const s = { threads: annotations?.snapshot().threads ?? [], ranges: new Map(), selectedId: null, draft: null, draftRange: null, bound: false };
            return { ...s, decorations: DecorationSet.empty };
          },
          apply: (tr, prev, _old, newState) => apply(tr, prev, newState),
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations ?? null,
          handleClick: (view, pos) => {
            const s = commentHighlightsKey.getState(view.state);
            const id = s ? threadAt(s, pos) : null;
            if (id) selectThread(view, id);
            // The click still places the caret (or starts a selection) as usual.
            return false;
          },
        },
        view: (view) => {
          if (!annotations) return {};
          const off = annotations.subscribe(() => {
            const threads = annotations.snapshot().threads;
            const s = commentHighlightsKey.getState(view.state);
            if (!s || s.threads === threads || view.isDestroyed) return;
            view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { threads } satisfies Meta).setMeta("addToHistory", false));
          });
          // Threads that arrived between the state's creation and now.
          queueMicrotask(() => {
            const s = commentHighlightsKey.getState(view.state);
            const threads = annotations.snapshot().threads;
            if (!view.isDestroyed && s && s.threads !== threads) view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { threads } satisfies Meta).setMeta("addToHistory", false));
          });
          return { destroy: off };
        },
      }),
    ];
  },
});

/** The extension for one proposal's editor (components/editor/editor-extensions.ts). */
export function commentHighlights(provider: ProposalProvider) {
  return CommentHighlights.configure({ annotations: provider.annotations, mayComment: () => mayComment(provider) });
}
