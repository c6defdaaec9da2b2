"use client";
// Which delegations are in the room, on the workshop board: a count under the Delegations heading
// and "Present" / "Away" on each delegation. Words, not only colour; the count is announced
// politely when it changes. Until the server has said (or while offline) nothing is claimed.
import { useTranslations } from "next-intl";
import type { WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";

/** The present delegation ids among the workshop's, or null while unknown. */
export function usePresentDelegations(workshopId: string, initialLive: WorkshopLive | null = null): { present: ReadonlySet<string> | null; total: number } {
  const { live, presence } = useWorkshopLive(workshopId, initialLive);
  const delegations = live?.delegations ?? [];
  if (!presence) return { present: null, total: delegations.length };
  const ids = new Set(presence.delegationIds);
  return { present: new Set(delegations.filter((d) => ids.has(d.id)).map((d) => d.id)), total: delegations.length };
}

/** "3 of 5 delegations present", worded by the presence catalogue (presence.attendance.summary). */
export function attendanceSummary(t: (key: "summary", values: { present: number; total: number }) => string, present: number, total: number): string {
  return t("summary", { present, total });
}

export function AttendanceCount({ workshopId, initialLive }: { workshopId: string; initialLive: WorkshopLive | null }) {
  const t = useTranslations("presence.attendance");
  const { present, total } = usePresentDelegations(workshopId, initialLive);
  if (total === 0) return null;
  return (
    <p className="mt-1 text-sm text-slate-600" role="status" aria-live="polite">
      {present ? attendanceSummary(t, present.size, total) : t("checking")}
    </p>
  );
}

export function AttendanceMark({ workshopId, delegationId }: { workshopId: string; delegationId: string }) {
  const t = useTranslations("presence.attendance");
  const { present } = usePresentDelegations(workshopId);
  if (!present) return null;
  const isPresent = present.has(delegationId);
  return (
    <span
      className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
        isPresent ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-slate-50 text-slate-600 ring-slate-200"
      }`}
    >
      {/* Filled when present, hollow when away: the word carries the meaning, the dot repeats it. */}
      <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${isPresent ? "bg-emerald-600" : "border border-slate-400"}`} />
      {isPresent ? t("present") : t("away")}
    </span>
  );
}
