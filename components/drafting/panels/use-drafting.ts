"use client";
// The paragraph statuses, brackets and reading this tab knows (provider.drafting), for React.
import { useSyncExternalStore } from "react";
import type { DraftingSnapshot } from "@/lib/realtime/drafting-state";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";

export function useDrafting(provider: ProposalProvider): DraftingSnapshot {
  const d = provider.drafting;
  return useSyncExternalStore(d.subscribe, d.snapshot, d.snapshot);
}
