"use client";
// Above the text, for everyone who has it open: a running "Lock in 30 s" countdown, and the
// chair's latest restore ("Version 3 restored by the chair as version 7") with a way to see
// what it changed. Both come from the workshop's live board.
import { useRef, useState } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { LiveRestore } from "@/lib/live-board";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";
import { useSecondsLeft } from "@/components/votes/lock-countdown";

/** "0:27", as the chair's countdown shows it. */
function clock(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

type Props = { workshopId: string; proposalId: string };

export function DraftingNotices({ workshopId, proposalId }: Props) {
  const t = useTranslations("editor.draftingNotices");
  const { live, offsetMs } = useWorkshopLive(workshopId);
  const entry = live?.proposals.find((p) => p.id === proposalId) ?? null;
  const lockAt = entry?.state === "DRAFTING" ? entry.lockAt : null;
  const secondsLeft = useSecondsLeft(lockAt, offsetMs);
  const restore = useRestoreSinceOpened(live ? (entry?.lastRestore ?? null) : undefined);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const base = `/workshops/${workshopId}/proposals/${proposalId}`;

  return (
    <div className="space-y-2 print:hidden">
      {/* Said once when a countdown starts; the figure itself is not read out every second. */}
      <p role="status" className="sr-only">
        {lockAt ? t("lockSoon") : ""}
      </p>
      {secondsLeft !== null && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950 tabular-nums">{secondsLeft > 0 ? t("locksIn", { time: clock(secondsLeft) }) : t("locking")}</p>
      )}
      <div role="status">
        {restore && dismissed !== restore.at && (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
            <p className="font-medium">
              {t("restored", { from: restore.from, to: restore.to })}
            </p>
            <Link href={`${base}/compare?from=${restore.from}&to=${restore.to}`} className="text-sky-800 underline hover:text-sky-950">
              {t("compare")}
            </Link>
            <button type="button" onClick={() => setDismissed(restore.at)} className="ml-auto rounded px-2 font-medium underline hover:bg-sky-100">
              {t("dismiss")}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * The latest restore, once one happens while the text is open (one from before is old news:
 * the text on screen already is the restored one). `undefined` until the board has arrived.
 */
function useRestoreSinceOpened(latest: LiveRestore | null | undefined): LiveRestore | null {
  const baseline = useRef<string | null | undefined>(undefined);
  if (latest === undefined) return null;
  if (baseline.current === undefined) baseline.current = latest?.at ?? null;
  return latest && latest.at !== baseline.current ? latest : null;
}
