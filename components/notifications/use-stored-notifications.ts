"use client";
// The caller's stored notices for the panel: the server-rendered list first, then read again
// whenever the live board changes (every notice comes with a board change) and when the tab
// comes back into view (marked read on another device meanwhile).
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { NotificationList } from "@/lib/domain/notifications";

export type ListNotifications = () => Promise<ActionResult<NotificationList>>;
export type MarkAllRead = () => Promise<ActionResult<{ marked: number }>>;

export function useStoredNotifications(opts: { initial: NotificationList; list: ListNotifications; boardVersion: string | null }) {
  const { list, boardVersion } = opts;
  const [state, setState] = useState(opts.initial);
  // Only the latest request's answer counts: answers to quick successive reads may cross.
  const requests = useRef(0);
  const reload = useCallback(async () => {
    const n = ++requests.current;
    const res = await list();
    if (res.ok && n === requests.current) setState(res.data);
  }, [list]);

  const seenBoard = useRef(boardVersion);
  useEffect(() => {
    // The first board is what the page was rendered with: nothing new to read yet.
    if (boardVersion === null || boardVersion === seenBoard.current) return;
    seenBoard.current = boardVersion;
    void reload();
  }, [boardVersion, reload]);

  useEffect(() => {
    const onVisible = () => document.visibilityState === "visible" && void reload();
    document.addEventListener("visibilitychange", onVisible);
    return () => document.removeEventListener("visibilitychange", onVisible);
  }, [reload]);

  /** Marked read on the server: shown read at once, without waiting for the next read. */
  const showAllRead = useCallback(() => {
    requests.current++;
    setState((s) => ({ unread: 0, items: s.items.map((i) => ({ ...i, isRead: true })) }));
  }, []);

  return { ...state, reload, showAllRead };
}
