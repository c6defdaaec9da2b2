// Hooks on one client's socket, below the unmodified ProposalProvider: time each doc:update it
// sends and its ack, and hold back the server's relays so the replay can hand each one to the
// provider when the trace's causal order allows (a replica must not see an edit before the
// transaction it replays has it as a parent).
import type { ProviderSocket } from "../../lib/realtime/proposal-provider.ts";
import type { ServerToClientEvents } from "../../lib/protocol.ts";

export type RelayPayload = Parameters<ServerToClientEvents["doc:update"]>[0];

type Listener = (...args: unknown[]) => void;
// socket.io-client's Socket, loosely: emit/on/off are patched on this one instance.
type Patchable = { emit: (ev: string, ...args: unknown[]) => unknown; on: (ev: string, fn: Listener) => unknown; off: (ev?: string, fn?: Listener) => unknown };

export function instrumentSocket<T>(
  socket: ProviderSocket,
  hooks: {
    /** Called synchronously as the provider emits an update; the value comes back in onAck. */
    onSend(update: Uint8Array): T | null;
    onAck(sent: T | null, ok: boolean): void;
    /** With captureRelays: every doc:update relay from the server, before the provider sees it. */
    onRelay(payload: RelayPayload): void;
    captureRelays: boolean;
  },
): { deliver: (payload: RelayPayload) => void } {
  const s = socket as unknown as Patchable;
  const emit = s.emit.bind(socket);
  const on = s.on.bind(socket);
  const off = s.off.bind(socket);
  let providerHandler: Listener | null = null;

  // The provider sends with socket.timeout(ms).emit(...): timeout() returns the socket itself.
  s.emit = (ev, ...args) => {
    if (ev === "doc:update") {
      const payload = args[0] as { update: Uint8Array };
      const sent = hooks.onSend(payload.update);
      const last = args.length - 1;
      const ack = args[last];
      if (typeof ack === "function") {
        args[last] = (...r: unknown[]) => {
          // With a timeout flag the ack is (err, res); without it, (res).
          const res = (r.length > 1 ? r[1] : r[0]) as { ok?: boolean } | undefined;
          hooks.onAck(sent, r.length > 1 ? !r[0] && res?.ok === true : res?.ok === true);
          return (ack as Listener)(...r);
        };
      }
    }
    return emit(ev, ...args);
  };
  if (hooks.captureRelays) {
    s.on = (ev, fn) => {
      if (ev === "doc:update") {
        providerHandler = fn;
        return socket;
      }
      return on(ev, fn);
    };
    s.off = (ev, fn) => {
      if (ev === "doc:update" && fn === providerHandler) {
        providerHandler = null;
        return socket;
      }
      return off(ev, fn);
    };
    on("doc:update", (payload: unknown) => hooks.onRelay(payload as RelayPayload));
  }
  return {
    deliver(payload) {
      if (!providerHandler) throw new Error("no provider is listening on this socket");
      providerHandler(payload);
    },
  };
}
