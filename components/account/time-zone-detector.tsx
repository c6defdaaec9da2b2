"use client";

import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { ActionResult } from "@/lib/action-result";

/**
 * Rendered only while the account has no time zone (its first sign-in): sends the browser's
 * zone once, then refreshes so times show in it. Renders nothing.
 */
export function TimeZoneDetector({ action }: { action: (timeZone: string) => Promise<ActionResult<{ changed: boolean }>> }) {
  const router = useRouter();
  const hasSent = useRef(false);
  useEffect(() => {
    if (hasSent.current) return;
    hasSent.current = true;
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    void action(zone || "UTC")
      .then((r) => {
        if (r.ok && r.data.changed) router.refresh();
      })
      .catch(() => {
        // Nothing to tell: the next page load tries again.
      });
  }, [action, router]);
  return null;
}
