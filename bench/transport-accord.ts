// The Accord transport: the browser's ProposalProvider on a socket.io client, against the
// server forked by server-control.ts (fresh SQLite file, fresh rooms) or a cluster of them.
import * as Y from "yjs";
import { REMOTE_ORIGIN, ProposalProvider, type ProviderSocket } from "../lib/realtime/proposal-provider.ts";
import { openProvider, openSocket, type Endpoint } from "./accord-client.ts";
import { delegateFor } from "./fixture.ts";
import type { ServerHandle } from "./server-control.ts";
import type { Replica, Transport } from "./transport.ts";

/** An Accord client seen as a Replica, so the shared typing model and latency measurement drive it. */
function accordReplica(room: number, socket: ProviderSocket, provider: ProposalProvider, proposalId: string): Replica {
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
    status: () => `${socket.connected ? "connected" : "not connected"}, ${provider.status}${provider.lastError ? `, last error ${provider.lastError.code}` : ""}`,
    // An acknowledged doc:sync with the current state vector: through the handler wrapper, no content.
    ping: () =>
      new Promise<number>((resolve, reject) => {
        const t = performance.now();
        socket.emit("doc:sync", { proposalId, stateVector: Y.encodeStateVector(provider.doc) }, (res) =>
          res.ok ? resolve(performance.now() - t) : reject(new Error(`ping refused: ${res.error.code}`)),
        );
      }),
    stopAwarenessRenewal: () => clearInterval((provider.awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval),
    close: () => {
      provider.destroy();
      socket.disconnect();
    },
  };
}

/** `endpoint` defaults to the server's own URL; a cluster passes its round-robin endpoint. */
export function accordTransport(server: ServerHandle, endpoint: Endpoint = { url: server.url, secret: server.secret }): Transport {
  const { proposalIds, observer } = server.fixture;
  return {
    name: "accord",
    async connect(room, slot) {
      const proposalId = proposalIds[room]!;
      const socket = await openSocket(endpoint, delegateFor(server.fixture, room, slot));
      return accordReplica(room, socket, new ProposalProvider(socket, proposalId), proposalId);
    },
    // The observer cannot edit, so its fresh connection adds nothing to what it reads.
    async readServerCopy(room) {
      const { socket, provider } = await openProvider(endpoint, observer, proposalIds[room]!);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(provider.doc));
      provider.destroy();
      socket.disconnect();
      return copy;
    },
    usage: (opts) => server.usage(opts),
    diagnostics: server,
    ...(server.memory ? { memory: () => server.memory!() } : {}),
    stop: () => server.stop(),
  };
}
