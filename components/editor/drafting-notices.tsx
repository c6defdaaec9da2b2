"use client";
// Above the text, for everyone who has it open: a running "Lock in 30 s" countdown, and the
// chair's latest restore ("Version 3 restored by the chair as version 7") with a way to see
// what it changed. Both come from the workshop's live board.
import { useRef, useState } from "react";
import Link from "next/link";
import type { LiveRestore } from "@/lib/live-board";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";
import { countdownInWords, useSecondsLeft } from "@/components/votes/lock-countdown";

type Props = { workshopId: string; proposalId: string };

export function DraftingNotices({ workshopId, proposalId }: Props) {
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
        {lockAt ? "The chair has set drafting to lock soon." : ""}
      </p>
      {secondsLeft !== null && (
        <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-semibold text-amber-950 tabular-nums">{countdownInWords(secondsLeft)}</p>
      )}
      <div role="status">
        {restore && dismissed !== restore.at && (
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded-md border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">
            <p className="font-medium">
              Version {restore.from} restored by the chair as version {restore.to}
            </p>
            <Link href={`${base}/compare?from=${restore.from}&to=${restore.to}`} className="text-sky-800 underline hover:text-sky-950">
              Compare what changed
            </Link>
            <button type="button" onClick={() => setDismissed(restore.at)} className="ml-auto rounded px-2 font-medium underline hover:bg-sky-100">
              Dismiss
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
