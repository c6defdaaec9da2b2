"use client";
// The workshop page is server-rendered around the live board: when a chair edits the details or
// archives the workshop, the board says so and the page renders again (title, notices, which
// controls are offered). Renders nothing.
import { useEffect, useRef } from "react";
import { useRouter } from "next/navigation";
import type { WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";

export function WorkshopDetailsRefresh({ workshopId, initialLive }: { workshopId: string; initialLive: WorkshopLive }) {
  const router = useRouter();
  const { live } = useWorkshopLive(workshopId, initialLive);
  const key = JSON.stringify((live ?? initialLive).workshop);
  const lastKey = useRef(key);
  useEffect(() => {
    if (lastKey.current === key) return;
    lastKey.current = key;
    router.refresh();
  }, [key, router]);
  return null;
}
