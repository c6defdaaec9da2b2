// An Accord client (the browser's ProposalProvider on a socket) seen as a benchmark Replica, so
// the shared typing model and latency measurement (bench/typing.ts) drive it.
import * as Y from "yjs";
import { REMOTE_ORIGIN, type ProposalProvider, type ProviderSocket } from "../lib/realtime/proposal-provider.ts";
import type { Replica } from "./transport.ts";

export function accordReplica(room: number, socket: ProviderSocket, provider: ProposalProvider, proposalId: string): Replica {
  return {
    room,
    doc: provider.doc,
    whenSynced: provider.whenSynced(),
    isRemote: (origin) => origin === REMOTE_ORIGIN,
    onSaved: (fn) => {
      provider.on("change", () => {
        if (provider.status === "saved") fn();
      });
    },
    isSaved: () => provider.status === "saved",
    ping: () =>
      new Promise<number>((resolve, reject) => {
        const t = performance.now();
        socket.emit("doc:sync", { proposalId, stateVector: Y.encodeStateVector(provider.doc) }, (res) =>
          res.ok ? resolve(performance.now() - t) : reject(new Error(`ping refused: ${res.error.code}`)),
        );
      }),
    close: () => {
      provider.destroy();
      socket.disconnect();
    },
  };
}
