"use client";
// "Follow the chair": when on, this tab goes to whichever item the chair puts on the floor, the
// moment it changes (not on page load: coming back to the agenda must not bounce you away).
// The choice is remembered per browser, so it holds across pages and reloads.
import { useEffect, useRef, useSyncExternalStore } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";

const STORAGE_KEY = "accord:follow-chair";
const CHANGE_EVENT = "accord:follow-chair-change";

function readFollow(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === "1";
  } catch {
    // Storage can be refused (private mode, policy): then following is simply off.
    return false;
  }
}

function writeFollow(on: boolean): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, on ? "1" : "0");
  } catch {
    // Not remembered, but still applied for this page (below).
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  // Another tab of the same browser changes it too ("storage"), and so does this one.
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGE_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGE_EVENT, onChange);
  };
}

export function FollowChair({ workshopId, initialLive }: { workshopId: string; initialLive: WorkshopLive }) {
  const t = useTranslations("agenda.followChair");
  const router = useRouter();
  const pathname = usePathname();
  const isFollowing = useSyncExternalStore(subscribe, readFollow, () => false);
  const { live } = useWorkshopLive(workshopId, initialLive);
  const current = (live ?? initialLive).currentProposalId;
  const seen = useRef(current);

  useEffect(() => {
    if (seen.current === current) return;
    seen.current = current;
    if (!isFollowing || !current) return;
    const target = `/workshops/${workshopId}/proposals/${current}`;
    if (pathname !== target) router.push(target);
  }, [current, isFollowing, pathname, router, workshopId]);

  return (
    <span className="inline-flex">
      <label className="inline-flex cursor-pointer items-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50">
        <input type="checkbox" className="h-4 w-4" checked={isFollowing} onChange={(e) => writeFollow(e.target.checked)} aria-describedby="follow-chair-hint" />
        {t("label")}
      </label>
      <span id="follow-chair-hint" className="sr-only">
        {t("hint")}
      </span>
    </span>
  );
}
