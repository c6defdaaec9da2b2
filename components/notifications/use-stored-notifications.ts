"use client";
// The caller's stored notices for the panel: the server-rendered list first, then read again
// when the board changes in a way that is notified (see notifiedKey) and when the tab comes back
// into view (marked read on another device meanwhile). Not on every board: each ballot sends one
// to every open page, and a read per page per ballot would be a query storm for nothing.
import { useCallback, useEffect, useRef, useState } from "react";
import type { ActionResult } from "@/lib/action-result";
import type { NotificationList } from "@/lib/domain/notifications";
import { useSocket } from "@/lib/realtime/use-socket";

export type ListNotifications = () => Promise<ActionResult<NotificationList>>;
export type MarkAllRead = () => Promise<ActionResult<{ marked: number }>>;

/** `boardKey`: notifiedKey (lib/realtime/use-workshop-live.ts) of the latest board. */
export function useStoredNotifications(opts: { initial: NotificationList; list: ListNotifications; boardKey: string | null; workshopId: string }) {
  const { list, boardKey, workshopId } = opts;
  const socket = useSocket();
  const [state, setState] = useState(opts.initial);
  // Only the latest request's answer counts: answers to quick successive reads may cross.
  const requests = useRef(0);
  const reload = useCallback(async () => {
    const n = ++requests.current;
    const res = await list();
    if (res.ok && n === requests.current) setState(res.data);
  }, [list]);

  const seenKey = useRef(boardKey);
  useEffect(() => {
    // The first board is what the page was rendered with: nothing new to read yet.
    if (boardKey === null || boardKey === seenKey.current) return;
    seenKey.current = boardKey;
    void reload();
  }, [boardKey, reload]);

  useEffect(() => {
    // Told by the server that notices were stored for this account here (a mention).
    if (!socket) return;
    const onNotified = (p: { workshopId: string }) => p.workshopId === workshopId && void reload();
    socket.on("notifications:changed", onNotified);
    return () => void socket.off("notifications:changed", onNotified);
  }, [socket, workshopId, reload]);

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
