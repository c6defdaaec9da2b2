"use client";
// The current speaker's countdown, from the server's start time and limit (not from when this
// tab heard about it), corrected by the tab's offset to the server clock, so every screen in
// the room shows the same second. It goes red once the time is up and counts the overrun.
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { serverNow } from "@/lib/realtime/use-workshop-live";

/** Often enough that the seconds flip within a quarter second of the wall clock. */
const TICK_MS = 250;

function clock(totalSeconds: number): string {
  const s = Math.abs(totalSeconds);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export function SpeakerTimer({ startedAt, limitSeconds, offsetMs, size = "large" }: { startedAt: string; limitSeconds: number; offsetMs: number; size?: "large" | "small" }) {
  const t = useTranslations("floor.timer");
  // Null until mounted: the server's render and the first browser render must agree.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(serverNow(offsetMs));
    const t = setInterval(() => setNow(serverNow(offsetMs)), TICK_MS);
    return () => clearInterval(t);
  }, [offsetMs]);

  const elapsedMs = now === null ? 0 : Math.max(0, now - Date.parse(startedAt));
  const left = Math.ceil((limitSeconds * 1000 - elapsedMs) / 1000);
  const isOver = left < 0;
  const share = Math.min(1, elapsedMs / (limitSeconds * 1000));
  return (
    <div className={size === "large" ? "space-y-2" : "inline-flex items-center"}>
      {/* role="timer" is not announced every second (its live setting is "off"): read on demand. */}
      <span role="timer" className={`font-semibold tabular-nums ${isOver ? "text-red-700" : "text-slate-900"}`}>
        {t.rich(isOver ? "overTime" : "left", {
          clock: clock(left),
          time: (chunks) => <span className={size === "large" ? "text-5xl tracking-tight" : "text-lg"}>{chunks}</span>,
          note: (chunks) => <span className={size === "large" ? "text-lg font-medium" : "text-sm font-medium"}>{chunks}</span>,
        })}
      </span>
      {size === "large" && (
        <div aria-hidden className="h-1.5 w-full overflow-hidden rounded-full bg-slate-200">
          <div className={`h-full ${isOver ? "bg-red-600" : share > 0.8 ? "bg-amber-500" : "bg-sky-600"}`} style={{ width: `${share * 100}%` }} />
        </div>
      )}
    </div>
  );
}
