// The comments region's rules, without React or the editor's plumbing: which selection can be
// commented on, where each thread sits in the text (and whether its passage is gone), the
// Open / Resolved / All filter, and an order that does not move what someone is working in.
import { TextSelection, type EditorState } from "@tiptap/pm/state";
import type { ThreadView } from "@/lib/protocol";

/** Positions in the editor's document (ProseMirror positions). */
export type TextRange = { from: number; to: number };

export type ThreadFilter = "OPEN" | "RESOLVED" | "ALL";
/** Each shown as `comments.filter.<value>`. */
export const THREAD_FILTERS: readonly ThreadFilter[] = ["OPEN", "RESOLVED", "ALL"];

/** A translator of the "comments" namespace (next-intl's, or one made with createTranslator). */
export type CommentsT = (key: string, values?: Record<string, string | number | Date>) => string;

/**
 * The hint under every comment box (the server notifies a delegation named like this); in a
 * delegation-only thread a mention never reaches anyone outside it (lib/domain/comments.ts).
 */
export function mentionHintKey(visibility: ThreadView["visibility"]): string {
  return visibility === "DELEGATION" ? "mentionHintPrivate" : "mentionHint";
}

/**
 * The passage a new thread would be anchored to: a non-empty selection of text inside one
 * paragraph (or heading, or list item's paragraph). Null when there is nothing to comment on.
 */
export function commentableRange(state: EditorState): TextRange | null {
  const { selection } = state;
  if (selection.empty) return null;
  // Only a text selection: a node selection or "select all" spans blocks or holds no text.
  if (!(selection instanceof TextSelection)) return null;
  const { $from, $to, from, to } = selection;
  if (!$from.parent.isTextblock || !$from.sameParent($to)) return null;
  if (state.doc.textBetween(from, to).trim() === "") return null;
  return { from, to };
}

/**
 * A thread whose passage is gone: its anchors no longer resolve, or they meet although the
 * passage had text (every character of it was deleted). Its stored quote is shown instead.
 */
export function isOnDeletedText(range: TextRange | null | undefined, quote: string): boolean {
  if (!range) return true;
  return range.from >= range.to && quote !== "";
}

/**
 * Threads in the order of their passages in the text (ties: the longer passage first, then the
 * older thread). A thread on deleted text keeps the place where its text was, so it does not
 * jump; one that cannot be placed at all (before the editor is bound) comes last.
 */
export function orderThreads<T extends Pick<ThreadView, "id" | "createdAt">>(threads: readonly T[], ranges: ReadonlyMap<string, TextRange | null>): T[] {
  const key = (t: T) => ranges.get(t.id) ?? null;
  return [...threads].sort((a, b) => {
    const ra = key(a);
    const rb = key(b);
    if (ra && !rb) return -1;
    if (!ra && rb) return 1;
    if (ra && rb) {
      if (ra.from !== rb.from) return ra.from - rb.from;
      if (ra.to !== rb.to) return rb.to - ra.to;
    }
    if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  });
}

/**
 * What the list needs from the threads' positions: their text order and which are on deleted
 * text, with a key that changes only when either does (typing moves positions all the time,
 * but rarely changes this).
 */
export type TextOrder = { order: readonly string[]; deleted: ReadonlySet<string>; key: string };

export function textOrder(threads: readonly Pick<ThreadView, "id" | "createdAt" | "quote">[], ranges: ReadonlyMap<string, TextRange | null>): TextOrder {
  const sorted = orderThreads(threads, ranges);
  const order = sorted.map((t) => t.id);
  const deleted = new Set(sorted.filter((t) => isOnDeletedText(ranges.get(t.id), t.quote)).map((t) => t.id));
  return { order, deleted, key: `${order.join(",")}|${[...deleted].join(",")}` };
}

/** Threads in a given order of ids; those it does not name yet keep their arrival order, last. */
export function inOrder<T extends Pick<ThreadView, "id">>(threads: readonly T[], order: readonly string[]): T[] {
  const rank = new Map(order.map((id, i) => [id, i]));
  const at = (t: T) => rank.get(t.id) ?? order.length;
  return [...threads].sort((a, b) => at(a) - at(b));
}

/**
 * The list's order while someone works in it (focus inside): the threads already listed keep
 * their places, new ones go in where the text order puts them, relative to those before them.
 * A list item that moves loses keyboard focus, so nothing listed moves under the user's hands.
 */
export function keepOrder(previous: readonly string[], sorted: readonly string[]): string[] {
  const present = new Set(sorted);
  const result = previous.filter((id) => present.has(id));
  const placed = new Set(result);
  sorted.forEach((id, i) => {
    if (placed.has(id)) return;
    // After the nearest thread that precedes it in text order and is already placed.
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const k = result.indexOf(sorted[j]!);
      if (k !== -1) {
        at = k + 1;
        break;
      }
    }
    result.splice(at, 0, id);
    placed.add(id);
  });
  return result;
}

/**
 * The threads the filter shows. `pinned` ones stay whatever their state: a thread someone is
 * replying in, or whose button they just pressed, never vanishes under them (a resolve by
 * someone else, or their own "Resolve").
 */
export function filterThreads<T extends Pick<ThreadView, "id" | "resolved">>(threads: readonly T[], filter: ThreadFilter, pinned: ReadonlySet<string> = new Set()): T[] {
  if (filter === "ALL") return [...threads];
  const wantResolved = filter === "RESOLVED";
  return threads.filter((t) => t.resolved === wantResolved || pinned.has(t.id));
}

export function filterCounts(threads: readonly Pick<ThreadView, "resolved">[]): Record<ThreadFilter, number> {
  const resolved = threads.filter((t) => t.resolved).length;
  return { OPEN: threads.length - resolved, RESOLVED: resolved, ALL: threads.length };
}

/** The filter that shows a thread selected from the text, keeping the current one when it does. */
export function filterShowing(current: ThreadFilter, thread: Pick<ThreadView, "resolved">): ThreadFilter {
  if (current === "ALL") return current;
  return thread.resolved === (current === "RESOLVED") ? current : "ALL";
}

/**
 * The badge of a delegation-only thread: "My delegation only" for its own members (the only
 * ones the server sends it to), the delegation's name otherwise. Null for a thread for everyone.
 */
export function visibilityBadge(t: CommentsT, thread: Pick<ThreadView, "visibility" | "delegation">, selfDelegationId: string | null): string | null {
  if (thread.visibility !== "DELEGATION") return null;
  if (thread.delegation && thread.delegation.id === selfDelegationId) return t("badge.myDelegationOnly");
  return t("badge.delegationOnly", { name: thread.delegation?.name ?? t("badge.unknownDelegation") });
}

/** A colour from the server, checked before it goes into a style attribute. */
export function safeColour(colour: string | null | undefined, fallback = "#64748b"): string {
  return colour && /^#[0-9a-fA-F]{3,8}$/.test(colour) ? colour : fallback;
}

/** A passage quoted in one line of the list (whitespace folded, long ones cut). */
export function shortQuote(quote: string, max = 160): string {
  const one = quote.replace(/\s+/g, " ").trim();
  const chars = [...one];
  return chars.length <= max ? one : `${chars.slice(0, max - 1).join("")}…`;
}
