// Headless Accord clients, opened exactly as a browser tab opens them: one socket.io connection
// with the next-auth session cookie, and the browser's ProposalProvider on it. Used by the Accord
// transport (bench/transport-accord.ts), the trace replay and the room-load benchmark.
import { encode } from "next-auth/jwt";
import { io as connect } from "socket.io-client";
import { CLIENT_SOCKET_OPTIONS } from "../lib/realtime/socket-options.ts";
import { ProposalProvider, type ProviderSocket } from "../lib/realtime/proposal-provider.ts";

export type Endpoint = { url: string; secret: string };

export type BenchClient = { room: number; socket: ProviderSocket; provider: ProposalProvider };

export const SYNC_TIMEOUT_MS = 30_000;

async function sessionCookie(secret: string, userId: string): Promise<string> {
  const jwt = await encode({ token: { sub: userId, name: "Bench" }, secret });
  return `next-auth.session-token=${jwt}`;
}

/** A socket as a browser tab opens it: websocket transport, the next-auth session cookie. */
export async function openSocket(endpoint: Endpoint, userId: string): Promise<ProviderSocket> {
  return connect(endpoint.url, {
    ...CLIENT_SOCKET_OPTIONS,
    extraHeaders: { cookie: await sessionCookie(endpoint.secret, userId) },
    // A dropped connection during a benchmark is a finding, not something to paper over.
    reconnection: false,
    forceNew: true,
  }) as ProviderSocket;
}

export async function openProvider(endpoint: Endpoint, userId: string, proposalId: string): Promise<{ socket: ProviderSocket; provider: ProposalProvider }> {
  const socket = await openSocket(endpoint, userId);
  const provider = new ProposalProvider(socket, proposalId);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`client did not sync within ${SYNC_TIMEOUT_MS} ms (${provider.lastError?.code ?? (socket.connected ? "connected, not synced" : "not connected")})`)), SYNC_TIMEOUT_MS);
  });
  try {
    await Promise.race([provider.whenSynced(), timeout]);
  } catch (e) {
    provider.destroy();
    socket.disconnect();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  return { socket, provider };
}

export function closeClients(clients: BenchClient[]): void {
  for (const c of clients) {
    c.provider.destroy();
    c.socket.disconnect();
  }
}
