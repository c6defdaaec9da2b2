"use client";
// One notice as a toast: announced politely, gone after a few seconds unless held (hover or
// focus), or dismissed at once with its button.
import { useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import type { LiveNotice } from "@/lib/realtime/use-workshop-live";
import { useNoticeText } from "./notice-words";

/** Long enough to read a title twice on a projector, short enough not to pile up. */
export const TOAST_MS = 6_000;
/** After being held, a toast stays at least this long so it does not vanish under the pointer. */
const AFTER_HOLD_MS = 2_000;

export function Toast({ notice, isPaused, onDismiss }: { notice: LiveNotice; isPaused: boolean; onDismiss: () => void }) {
  const t = useTranslations("notifications");
  const noticeText = useNoticeText();
  // Timed from when the notice arose, so moving to another page does not restart the clock.
  const deadline = useRef(notice.at + TOAST_MS);
  const dismissRef = useRef(onDismiss);
  useEffect(() => {
    dismissRef.current = onDismiss;
  }, [onDismiss]);

  useEffect(() => {
    if (isPaused) {
      // Released later: leave it up a little longer, however long it was held.
      return () => {
        deadline.current = Math.max(deadline.current, Date.now() + AFTER_HOLD_MS);
      };
    }
    const t = setTimeout(() => dismissRef.current(), Math.max(0, deadline.current - Date.now()));
    return () => clearTimeout(t);
  }, [isPaused]);

  return (
    <div
      role="status"
      aria-live="polite"
      className="pointer-events-auto flex w-full items-start justify-between gap-3 rounded-lg border border-slate-300 bg-white px-4 py-3 text-base shadow-lg ring-1 ring-black/5"
    >
      <p className="font-medium text-slate-900">{noticeText(notice.text)}</p>
      <button type="button" onClick={onDismiss} className="shrink-0 rounded px-2 py-0.5 text-sm font-medium text-slate-600 underline hover:bg-slate-100">
        {t("dismiss")}
      </button>
    </div>
  );
}
