"use client";
// The tab's one socket.io connection, shared by every live component on every page of the tab
// (the design allows one connection per tab: one auth path, one reconnect loop).
import { useSyncExternalStore } from "react";
import { io } from "socket.io-client";
import { CLIENT_SOCKET_OPTIONS } from "./socket-options";
import { rememberRefusals } from "./socket-refusal.ts";
import type { ProviderSocket } from "./proposal-provider.ts";

let socket: ProviderSocket | null = null;

function createSocket(): ProviderSocket {
  // Same origin, so the next-auth session cookie authenticates the handshake. WebSocket only:
  // long-polling would need sticky sessions once several server processes share rooms.
  // Reconnection stays on (socket.io's default): venue Wi-Fi drops, and the provider re-syncs.
  const s: ProviderSocket = io({ ...CLIENT_SOCKET_OPTIONS, withCredentials: true });
  rememberRefusals(s);

  // The browser knows about a lost network long before a heartbeat times out (up to ~45 s).
  // engine.io acts on it only for hosts other than "localhost", so a server on the delegate's
  // own laptop would otherwise keep saying "saved" over a dead link. Closing the transport puts
  // socket.io into its normal reconnect loop; if the server is in fact still reachable, the
  // first retry (about a second later) succeeds.
  window.addEventListener("offline", () => s.io.engine?.close());
  // Back online: reconnect now rather than when the back-off timer (up to 5 s) next fires.
  window.addEventListener("online", () => {
    if (!s.connected) s.disconnect().connect();
  });
  return s;
}

// Creating the connection is idempotent (one per tab), so doing it on first read is safe.
function getSocket(): ProviderSocket {
  socket ??= createSocket();
  return socket;
}

// The socket never changes once created, so there is nothing to subscribe to.
const subscribe = () => () => {};

/** The tab's socket in the browser; null while rendering on the server and during hydration. */
export function useSocket(): ProviderSocket | null {
  return useSyncExternalStore(subscribe, getSocket, () => null);
}

// In the browser the connection starts as soon as this module is evaluated, before React has
// hydrated the page: the handshake (a round trip and the server's session check) then runs while
// the page hydrates, instead of after it (measured on a 100k-character proposal: hydration keeps
// the main thread busy for over a second). On the server there is no tab and nothing to connect.
if (typeof window !== "undefined") getSocket();
