"use client";
// Whether the text is safe, said truthfully: "saved" only once the server has journaled every
// local change (the provider counts unacknowledged updates).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import type { SaveStatus as Status } from "@/lib/realtime/proposal-provider";

/**
 * Each keystroke is acknowledged within milliseconds, so the raw status flickers between
 * saving and saved while someone types — distracting on a projector and, in a live region,
 * one announcement per keystroke. "Saved" is therefore shown a moment late (never early:
 * lateness keeps it truthful); every other status is shown at once.
 */
const SAVED_HOLD_MS = 600;

function useSteadyStatus(status: Status): Status {
  const [shown, setShown] = useState(status);
  useEffect(() => {
    if (status !== "saved" || shown !== "saving") {
      setShown(status);
      return;
    }
    const t = setTimeout(() => setShown("saved"), SAVED_HOLD_MS);
    return () => clearTimeout(t);
  }, [status, shown]);
  // While the hold runs, "saving" is still true enough; anything else shows immediately.
  return status === "saved" && shown === "saving" ? "saving" : status;
}

const DOT: Record<Status, string> = {
  connecting: "bg-slate-400",
  saving: "bg-amber-500",
  retrying: "bg-orange-600",
  saved: "bg-emerald-600",
  offline: "bg-red-600",
};

export function SaveStatus({ status: raw }: { status: Status }) {
  const t = useTranslations("editor.saveStatus");
  const status = useSteadyStatus(raw);
  return (
    <p aria-live="polite" className="flex items-center gap-2 text-sm font-medium text-slate-700">
      <span aria-hidden className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${DOT[status]} ${status === "saving" || status === "retrying" ? "animate-pulse" : ""}`} />
      <span className={status === "offline" || status === "retrying" ? "text-red-800" : undefined}>{t(status)}</span>
    </p>
  );
}
