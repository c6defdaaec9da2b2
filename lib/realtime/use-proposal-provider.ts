"use client";
// One ProposalProvider per mounted editor: created when the socket exists, destroyed on
// unmount, replaced by a fresh one (fresh Y.Doc) when the server refuses a change — the local
// document then holds text the server will never accept, so it is dropped, not retried.
import { useEffect, useReducer, useRef, useState } from "react";
import type { ProtocolError } from "../protocol.ts";
import { ProposalProvider, type ProviderSocket } from "./proposal-provider.ts";

/** A refusal loop (a change re-made on every mount) must not spin: remount at most this often. */
const MIN_REMOUNT_INTERVAL_MS = 2_000;

export type ProviderHandle = {
  provider: ProposalProvider | null;
  /** Changes with each fresh provider: use it as the editor's React key. */
  generation: number;
  /** True once this provider's document has been synced with the server at least once. */
  hasSynced: boolean;
  /** The last refusal, for a short notice beside the editor. */
  refusal: ProtocolError | null;
  /**
   * Every change of this tab's dropped since the notice was last dismissed: the refused ones and
   * those still unconfirmed when the editor reloaded (so the notice can show all that was typed).
   */
  dropped: readonly Uint8Array[];
  dismissRefusal: () => void;
};

export function useProposalProvider(socket: ProviderSocket | null, proposalId: string): ProviderHandle {
  const [generation, setGeneration] = useState(0);
  // Tagged with its generation: right after a remount the state still holds the old, destroyed
  // provider until the effect below runs, and that one must never reach an editor.
  const [entry, setEntry] = useState<{ provider: ProposalProvider; generation: number } | null>(null);
  const [syncedProvider, setSyncedProvider] = useState<ProposalProvider | null>(null);
  const [refusal, setRefusal] = useState<ProtocolError | null>(null);
  const [dropped, setDropped] = useState<readonly Uint8Array[]>([]);
  // The provider's fields are mutable; a "change" only needs to trigger a render.
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const lastRemount = useRef(0);

  useEffect(() => {
    if (!socket) return;
    const p = new ProposalProvider(socket, proposalId);
    setEntry({ provider: p, generation });
    let remountTimer: ReturnType<typeof setTimeout> | null = null;
    const offChange = p.on("change", rerender);
    const offSynced = p.on("synced", () => setSyncedProvider(p));
    const offRefused = p.on("refused", (error, update) => {
      setRefusal(error);
      setDropped((d) => [...d, update]);
      if (remountTimer) return;
      const wait = Math.max(0, lastRemount.current + MIN_REMOUNT_INTERVAL_MS - Date.now());
      remountTimer = setTimeout(() => {
        lastRemount.current = Date.now();
        // The fresh editor starts from the server's text: what is still unconfirmed here is dropped too.
        const pending = p.unconfirmedChanges();
        if (pending.length > 0) setDropped((d) => [...d, ...pending]);
        setGeneration((g) => g + 1);
      }, wait);
    });
    return () => {
      if (remountTimer) clearTimeout(remountTimer);
      offChange();
      offSynced();
      offRefused();
      p.destroy();
    };
  }, [socket, proposalId, generation]);

  const provider = entry?.generation === generation ? entry.provider : null;
  return {
    provider,
    generation,
    hasSynced: provider !== null && syncedProvider === provider,
    refusal,
    dropped,
    dismissRefusal: () => {
      setRefusal(null);
      setDropped([]);
    },
  };
}
