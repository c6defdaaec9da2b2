"use client";
// What just happened in the session — a vote opened or closed, a new item on the floor — as a
// short toast for everyone, and a "Notifications" list (with an unread count) for whoever looked
// away. The notices come from the live board's diff (useWorkshopLive), raised once per tab.
import { useEffect, useId, useRef, useState } from "react";
import { useWorkshopLive, type LiveNotice } from "@/lib/realtime/use-workshop-live";
import { buttonSecondary } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useViewerZone } from "@/components/ui/viewer-zone";
import { Toast } from "./toast";
import { AccessNotice, useRefreshOnSeatChange } from "./access-notice";

/** A room rarely produces more than a couple at once; more would cover the text. */
const MAX_TOASTS = 3;

export function LiveNotifications({ workshopId }: { workshopId: string }) {
  const { notices, unread, dismiss, markRead, access, seatChanges } = useWorkshopLive(workshopId);
  useRefreshOnSeatChange(seatChanges);
  const zone = useViewerZone();
  const [isOpen, setOpen] = useState(false);
  const [isPaused, setPaused] = useState(false);
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  // Newest last, nearest the corner, the way a stack of notes grows.
  const toasts = notices
    .filter((n) => !n.isDismissed)
    .slice(0, MAX_TOASTS)
    .reverse();

  // Reading the list is what makes its notices read, including any arriving while it is open.
  useEffect(() => {
    if (isOpen && unread > 0) markRead();
  }, [isOpen, unread, markRead]);

  useEffect(() => {
    if (!isOpen) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onPointer = (e: PointerEvent) => wrapper.current && !wrapper.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [isOpen]);

  return (
    <>
      <AccessNotice access={access} />
      <div ref={wrapper} className="relative inline-block">
        <button type="button" className={`${buttonSecondary} gap-2`} aria-expanded={isOpen} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          Notifications
          {unread > 0 && (
            <span className="inline-flex min-w-5 items-center justify-center rounded-full bg-sky-700 px-1.5 text-xs font-bold text-white">
              {unread}
              <span className="sr-only"> new</span>
            </span>
          )}
        </button>
        {isOpen && (
          <div id={panelId} role="region" aria-label="Recent notifications" className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
            {notices.length === 0 ? (
              <p className="text-sm text-slate-600">Nothing yet. Votes and changes of the item on the floor appear here.</p>
            ) : (
              <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
                {notices.map((n: LiveNotice) => (
                  <li key={n.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                    <span>{n.text}</span>
                    <LocalTime at={n.at} zone={zone} format="time" className="shrink-0 text-xs tabular-nums text-slate-500" />
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      {/* Hovering or focusing a toast holds them all: nobody should lose one mid-sentence. */}
      <div
        className="pointer-events-none fixed inset-x-4 bottom-4 z-50 flex flex-col items-end gap-2 sm:left-auto sm:w-96"
        onMouseEnter={() => setPaused(true)}
        onMouseLeave={() => setPaused(false)}
        onFocus={() => setPaused(true)}
        onBlur={() => setPaused(false)}
      >
        {toasts.map((n) => (
          <Toast key={n.id} notice={n} isPaused={isPaused} onDismiss={() => dismiss(n.id)} />
        ))}
      </div>
    </>
  );
}
