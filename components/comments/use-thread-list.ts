"use client";
// Which threads the Comments region lists, and in what order: those the filter shows, in the
// order of their passages — but never moving or removing what the user is working in. A thread
// holding focus, one with an unsent reply, and one about to receive focus stay listed whatever
// the filter; while focus is in the list, nothing already listed moves (a moved item loses
// focus), so a live update or the user's own Resolve leaves the list as it was under their hands.
import { useCallback, useMemo, useRef, useState, type FocusEvent } from "react";
import type { ThreadView } from "@/lib/protocol";
import { filterThreads, inOrder, keepOrder, type ThreadFilter } from "./thread-logic";

/** Where focus goes once a thread is listed: its quote button (just posted) or its Reply button. */
export type FocusTarget = "select" | "reply";
export type FocusRequest = { threadId: string; target: FocusTarget };

export function useThreadList(threads: readonly ThreadView[], textOrderIds: readonly string[] | undefined, filter: ThreadFilter) {
  // Threads that must stay listed whatever the filter: the one holding focus, ones with an unsent reply.
  const [focusedId, setFocusedId] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<ReadonlySet<string>>(new Set());
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [listHasFocus, setListHasFocus] = useState(false);
  const order = useRef<string[]>([]);

  const pinned = useMemo(() => {
    const s = new Set(drafting);
    if (focusedId) s.add(focusedId);
    if (focusRequest) s.add(focusRequest.threadId);
    return s;
  }, [drafting, focusedId, focusRequest]);

  const sorted = useMemo(() => inOrder(threads, textOrderIds ?? []), [threads, textOrderIds]);
  const visible = useMemo(() => filterThreads(sorted, filter, pinned), [sorted, filter, pinned]);
  // While the user works in the list, nothing already listed moves (a moved item loses focus).
  const ids = listHasFocus ? keepOrder(order.current, visible.map((t) => t.id)) : visible.map((t) => t.id);
  order.current = ids;
  const byId = new Map(visible.map((t) => [t.id, t]));

  /** A thread card reports whether it holds an unsent reply. */
  const setDraftingFor = useCallback((id: string, has: boolean) => {
    setDrafting((prev) => {
      if (prev.has(id) === has) return prev;
      const next = new Set(prev);
      if (has) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  /** A thread card has taken the focus it was asked to take. */
  const focused = useCallback(() => setFocusRequest(null), []);

  /** For the list element: tracks whether, and in which thread, the user is working. */
  const listFocus = {
    onFocus(e: FocusEvent<HTMLOListElement>) {
      setListHasFocus(true);
      const id = (e.target as HTMLElement).closest<HTMLElement>("[data-thread-id]")?.dataset.threadId ?? null;
      setFocusedId(id);
    },
    onBlur(e: FocusEvent<HTMLOListElement>) {
      if (e.currentTarget.contains(e.relatedTarget as Node | null)) return;
      setListHasFocus(false);
      setFocusedId(null);
    },
  };

  return { ids, byId, focusRequest, requestFocus: setFocusRequest, focused, setDraftingFor, listFocus };
}
