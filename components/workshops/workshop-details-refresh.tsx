"use client";
// The workshop page is server-rendered around the live board: when a chair edits the details or
// archives the workshop, the board says so and the page renders again (title, notices, which
// controls are offered). Renders nothing.
import { useRefreshOnChange } from "@/components/ui/use-refresh-on-change";
import type { WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";

export function WorkshopDetailsRefresh({ workshopId, initialLive }: { workshopId: string; initialLive: WorkshopLive }) {
  const { live } = useWorkshopLive(workshopId, initialLive);
  useRefreshOnChange(JSON.stringify((live ?? initialLive).workshop));
  return null;
}
