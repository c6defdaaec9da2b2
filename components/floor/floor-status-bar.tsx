"use client";
// The floor at a glance on a phone: the speaking queue sits far down the workshop page and
// below the details on a proposal, so a delegate would have to scroll to learn "You have the
// floor". A compact bar fixed to the bottom of small screens says it (larger screens show the
// queue itself). Shown only while someone speaks or the viewer waits.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

type Props = {
  /** "You have the floor", "Speaking: …", or the viewer's place in the queue. */
  message: string;
  /** The countdown, outside the live region (it changes every second). */
  timer?: ReactNode;
};

export function FloorStatusBar({ message, timer }: Props) {
  const t = useTranslations("floor.statusBar");
  return (
    <section
      aria-label={t("label")}
      data-floor-status-bar=""
      className="fixed inset-x-0 bottom-0 z-30 flex items-center justify-between gap-3 border-t border-slate-200 bg-white/95 px-4 py-2.5 shadow-[0_-2px_8px_rgba(15,23,42,0.08)] backdrop-blur md:hidden print:hidden"
    >
      <p role="status" className="min-w-0 truncate text-sm font-semibold text-slate-900">
        {message}
      </p>
      {timer}
    </section>
  );
}
