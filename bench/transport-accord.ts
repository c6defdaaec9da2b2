// The Accord transport: the browser's ProposalProvider on a socket.io client, against the
// server forked by server-control.ts (fresh SQLite file, fresh rooms).
import * as Y from "yjs";
import { ProposalProvider } from "../lib/realtime/proposal-provider.ts";
import { accordReplica } from "./accord-replica.ts";
import { openProvider, openSocket, type Endpoint } from "./load-generator.ts";
import type { ServerHandle } from "./server-control.ts";
import type { Transport } from "./transport.ts";

/** `endpoint` defaults to the server's own URL; a cluster passes its round-robin endpoint. */
export function accordTransport(server: ServerHandle, endpoint: Endpoint = { url: server.url, secret: server.secret }): Transport {
  const { proposalIds, delegates, observer } = server.fixture;
  return {
    name: "accord",
    async connect(room, slot) {
      const proposalId = proposalIds[room]!;
      const socket = await openSocket(endpoint, delegates[slot]!);
      return accordReplica(room, socket, new ProposalProvider(socket, proposalId), proposalId);
    },
    async readServerCopy(room) {
      const { socket, provider } = await openProvider(endpoint, observer, proposalIds[room]!);
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(provider.doc));
      provider.destroy();
      socket.disconnect();
      return copy;
    },
    usage: (opts) => server.usage(opts),
    stop: () => server.stop(),
  };
}
