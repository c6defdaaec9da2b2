"use client";
// A thread selected in the text (by clicking its highlight, or after posting it) is shown in
// the Comments region: the filter switches if it hides the thread, and the list — not the page —
// scrolls to it, so the user's place in the text stays where it is.
import { useEffect, useRef, type Dispatch, type SetStateAction } from "react";
import type { ThreadView } from "@/lib/protocol";
import { filterShowing, type ThreadFilter } from "./thread-logic";

/** Returns the ref for the list element to scroll. */
export function useShowSelected(selectedId: string | null, threads: readonly ThreadView[], setFilter: Dispatch<SetStateAction<ThreadFilter>>) {
  const listRef = useRef<HTMLOListElement>(null);
  const lastSelected = useRef<string | null>(null);
  useEffect(() => {
    if (selectedId === lastSelected.current) return;
    lastSelected.current = selectedId;
    if (!selectedId) return;
    const t = threads.find((x) => x.id === selectedId);
    if (t) setFilter((f) => filterShowing(f, t));
    requestAnimationFrame(() => {
      const list = listRef.current;
      const item = list?.querySelector<HTMLElement>(`[data-thread-id="${CSS.escape(selectedId)}"]`);
      if (!list || !item) return;
      const top = item.offsetTop;
      if (top < list.scrollTop || top + item.offsetHeight > list.scrollTop + list.clientHeight) list.scrollTo({ top: Math.max(0, top - 8) });
    });
  }, [selectedId, threads, setFilter]);
  return listRef;
}
