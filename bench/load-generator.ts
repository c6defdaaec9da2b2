// Headless clients: one socket.io connection and one ProposalProvider per simulated tab, the
// same code the browser runs; every client records when it first sees each remote edit (the
// typing model is bench/typing.ts). Sender and receivers share this process, so one clock times them.
import { encode } from "next-auth/jwt";
import { io as connect } from "socket.io-client";
import { CLIENT_SOCKET_OPTIONS } from "../lib/realtime/socket-options.ts";
import { ProposalProvider, type ProviderSocket } from "../lib/realtime/proposal-provider.ts";
import { accordReplica } from "./accord-replica.ts";
import { watchRemoteEdits } from "./typing.ts";

export type Endpoint = { url: string; secret: string };

export type BenchClient = { room: number; socket: ProviderSocket; provider: ProposalProvider };

type EditRecord = { sentAt: number; room: number; seen: number; isMeasured: boolean };

/** Opening many handshakes at once only measures the JWT decryption queue; a few at a time. */
const CONNECT_CONCURRENCY = 16;
const SYNC_TIMEOUT_MS = 30_000;

/**
 * Send times of every edit and what receivers saw. Keys are Yjs item ids: `${client}:${clock}`
 * for an inserted character, `d:${client}:${clock}` for the deletion of that character.
 */
export class Tracker {
  readonly edits = new Map<string, EditRecord>();
  readonly latencies: number[] = [];
  readonly persistLags: number[] = [];
  editsInWindow = 0;
  deliveriesInWindow = 0;
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;

  isInWindow(t: number): boolean {
    return t >= this.windowStart && t < this.windowEnd;
  }

  sent(key: string, room: number, sentAt: number): void {
    const isMeasured = this.isInWindow(sentAt);
    if (isMeasured) this.editsInWindow++;
    this.edits.set(key, { sentAt, room, seen: 0, isMeasured });
  }

  /** Called once per (edit, receiver): a Yjs update event only carries what was new to that doc. */
  seen(key: string, now: number): void {
    const rec = this.edits.get(key);
    if (!rec) return; // the initial draft, not an edit of ours
    rec.seen++;
    if (rec.isMeasured) this.latencies.push(now - rec.sentAt);
    if (this.isInWindow(now)) this.deliveriesInWindow++;
  }

  /** Edits that some receiver in their room never saw (receivers = clients in the room − 1). */
  lost(receiversPerRoom: number): { edits: number; deliveries: number } {
    let edits = 0;
    let deliveries = 0;
    for (const rec of this.edits.values()) {
      if (rec.seen < receiversPerRoom) {
        edits++;
        deliveries += receiversPerRoom - rec.seen;
      }
    }
    return { edits, deliveries };
  }
}

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

export async function connectClients(opts: {
  endpoint: Endpoint;
  proposalIds: string[];
  users: string[];
  clientsPerRoom: number;
  tracker: Tracker;
}): Promise<BenchClient[]> {
  const plan: Array<{ room: number; user: string; proposalId: string }> = [];
  for (let room = 0; room < opts.proposalIds.length; room++) {
    for (let i = 0; i < opts.clientsPerRoom; i++) plan.push({ room, user: opts.users[i]!, proposalId: opts.proposalIds[room]! });
  }
  const clients: BenchClient[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < plan.length) {
      const p = plan[next++]!;
      const { socket, provider } = await openProvider(opts.endpoint, p.user, p.proposalId);
      watchRemoteEdits(accordReplica(p.room, socket, provider, p.proposalId), opts.tracker);
      clients.push({ room: p.room, socket, provider });
    }
  }
  try {
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  } catch (e) {
    closeClients(clients);
    throw e;
  }
  return clients;
}

export function closeClients(clients: BenchClient[]): void {
  for (const c of clients) {
    c.provider.destroy();
    c.socket.disconnect();
  }
}
