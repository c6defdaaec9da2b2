"use client";
// What just happened in the session — a vote opened or closed, a new item on the floor — as a
// short toast for everyone, and a "Notifications" list (with an unread count) for whoever looked
// away. The toasts come from the live board's diff (useWorkshopLive), raised once per tab; the
// list is the caller's stored notices (server/services/notifications), so it survives a reload
// and shows the same on another device.
import { useEffect, useId, useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import { notifiedKey, useWorkshopLive } from "@/lib/realtime/use-workshop-live";
import type { NotificationList } from "@/lib/domain/notifications";
import { buttonSecondary } from "@/components/ui/field";
import { LocalTime } from "@/components/ui/local-time";
import { useViewerZone } from "@/components/ui/viewer-zone";
import { Toast } from "./toast";
import { AccessNotice, useRefreshOnSeatChange } from "./access-notice";
import { useNoticeText } from "./notice-words";
import { useStoredNotifications, type ListNotifications, type MarkAllRead } from "./use-stored-notifications";

/** A room rarely produces more than a couple at once; more would cover the text. */
const MAX_TOASTS = 3;

type Props = { workshopId: string; initial: NotificationList; list: ListNotifications; markAllRead: MarkAllRead };

export function LiveNotifications({ workshopId, initial, list, markAllRead }: Props) {
  const t = useTranslations("notifications");
  const errorText = useErrorText();
  const noticeText = useNoticeText();
  const { live, notices, dismiss, access, seatChanges } = useWorkshopLive(workshopId);
  useRefreshOnSeatChange(seatChanges);
  const stored = useStoredNotifications({ initial, list, boardKey: notifiedKey(live), workshopId });
  const zone = useViewerZone();
  const [isOpen, setOpen] = useState(false);
  const [isPaused, setPaused] = useState(false);
  const [isMarking, setMarking] = useState(false);
  const [announcement, setAnnouncement] = useState("");
  const panelId = useId();
  const wrapper = useRef<HTMLDivElement>(null);
  // Newest last, nearest the corner, the way a stack of notes grows.
  const toasts = notices
    .filter((n) => !n.isDismissed)
    .slice(0, MAX_TOASTS)
    .reverse();

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

  // The button stays where it is (focus with it); the outcome is said in the live region.
  async function onMarkAllRead() {
    setMarking(true);
    const res = await markAllRead();
    setMarking(false);
    if (res.ok) stored.showAllRead();
    setAnnouncement(res.ok ? t("allMarkedRead") : errorText(res));
  }

  return (
    <>
      <AccessNotice access={access} />
      <div ref={wrapper} className="relative inline-block">
        <button
          type="button"
          className={`${buttonSecondary} gap-2`}
          aria-label={stored.unread > 0 ? t("buttonUnread", { count: stored.unread }) : t("button")}
          aria-expanded={isOpen}
          aria-controls={panelId}
          onClick={() => setOpen((o) => !o)}
        >
          {t("button")}
          {stored.unread > 0 && (
            <span aria-hidden="true" className="inline-flex min-w-5 items-center justify-center rounded-full bg-sky-700 px-1.5 text-xs font-bold text-white">
              {stored.unread}
            </span>
          )}
        </button>
        {isOpen && (
          <div id={panelId} role="region" aria-label={t("panelLabel")} className="absolute right-0 z-40 mt-2 w-80 max-w-[calc(100vw-2rem)] rounded-lg border border-slate-200 bg-white p-3 shadow-lg">
            {stored.items.length === 0 ? (
              <p className="text-sm text-slate-600">{t("empty")}</p>
            ) : (
              <>
                <div className="mb-2 flex justify-end">
                  <button type="button" className="rounded px-2 py-0.5 text-sm font-medium text-sky-800 underline hover:bg-slate-100" aria-disabled={isMarking} onClick={() => !isMarking && onMarkAllRead()}>
                    {t("markAllRead")}
                  </button>
                </div>
                <ul className="max-h-80 divide-y divide-slate-100 overflow-y-auto">
                  {stored.items.map((n) => (
                    <li key={n.id} className="flex items-baseline justify-between gap-3 py-2 text-sm">
                      <Link href={n.href} className={`underline-offset-2 hover:underline ${n.isRead ? "text-slate-700" : "font-semibold text-slate-900"}`} onClick={() => setOpen(false)}>
                        {!n.isRead && <span className="sr-only">{t("unread")}</span>}
                        {noticeText(n.text, n.kind)}
                      </Link>
                      <LocalTime at={Date.parse(n.createdAt)} zone={zone} format="time" className="shrink-0 text-xs tabular-nums text-slate-500" />
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        )}
        <p role="status" aria-live="polite" className="sr-only">
          {announcement}
        </p>
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
