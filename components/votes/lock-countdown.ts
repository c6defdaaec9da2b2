"use client";
// The time left of a "Lock in 30 s" countdown, ticking once a second, on the server's clock
// (`offsetMs` from the live board) so every screen shows the same figure.
import { useEffect, useState } from "react";

/** Whole seconds left until `lockAt` (never below 0), or null when no countdown runs. */
export function useSecondsLeft(lockAt: string | null, offsetMs = 0): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!lockAt) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [lockAt]);
  if (!lockAt) return null;
  return Math.max(0, Math.ceil((Date.parse(lockAt) - (now + offsetMs)) / 1000));
}

/** "0:27" */
export function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

/**
 * "Drafting locks in 0:27" — the same words in the chair's controls and above the text. Give `t`,
 * a translator for the `votes` namespace (useTranslations("votes")), for the reader's language;
 * without it the words are English.
 */
export function countdownInWords(seconds: number, t?: (key: string, values?: Record<string, string | number>) => string): string {
  if (t) return seconds > 0 ? t("countdown.locksIn", { clock: clock(seconds) }) : t("countdown.locking");
  return seconds > 0 ? `Drafting locks in ${clock(seconds)}` : "Drafting is locking…";
}
