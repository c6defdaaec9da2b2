"use client";
// The viewer's IANA zone for client components that write times (notifications, vote records),
// set once by the workshop layout from the account (viewerTimeZone()). Without a provider the
// answer is UTC, labelled as such — never the browser's own zone, which the server's render
// could not match.
import { createContext, useContext, type ReactNode } from "react";
import { DEFAULT_TIME_ZONE } from "@/lib/time/time-format";

const ViewerZoneContext = createContext<string | null>(null);

export function ViewerZoneProvider({ zone, children }: { zone: string; children: ReactNode }) {
  return <ViewerZoneContext value={zone}>{children}</ViewerZoneContext>;
}

export function useViewerZone(): string {
  return useContext(ViewerZoneContext) ?? DEFAULT_TIME_ZONE;
}
