// Headless clients: one socket.io connection and one ProposalProvider per simulated tab, the
// same code the browser runs. Typists make keystrokes; every client records when it first sees
// each remote edit. Sender and receivers share this process, so one clock times them.
import { encode } from "next-auth/jwt";
import { io as connect } from "socket.io-client";
import { CLIENT_SOCKET_OPTIONS } from "../lib/realtime/socket-options.ts";
import * as Y from "yjs";
import { ProposalProvider, REMOTE_ORIGIN, type ProviderSocket } from "../lib/realtime/proposal-provider.ts";

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

/** Listens for remote updates on one replica and reports each newly seen edit to the tracker. */
function watchRemoteEdits(doc: Y.Doc, tracker: Tracker): void {
  doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (origin !== REMOTE_ORIGIN) return;
    const now = performance.now();
    const { structs, ds } = Y.decodeUpdate(update);
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      // Yjs may merge consecutive characters of one client into one struct: one key per clock.
      for (let i = 0; i < s.length; i++) tracker.seen(`${s.id.client}:${s.id.clock + i}`, now);
    }
    for (const [client, ranges] of ds.clients) {
      for (const r of ranges) for (let i = 0; i < r.len; i++) tracker.seen(`d:${client}:${r.clock + i}`, now);
    }
  });
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
      watchRemoteEdits(provider.doc, opts.tracker);
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

const ALPHABET = "abcdefghijklmnopqrstuvwxyz     ";

/** One person typing into the first paragraph: mostly appending, sometimes mid-text, ~10 % deletions. */
export class Typist {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextAt = 0;
  private pending: number[] = [];
  private readonly text: Y.XmlText;

  constructor(
    private readonly client: BenchClient,
    private readonly tracker: Tracker,
    private readonly rate: number,
  ) {
    const paragraph = client.provider.doc.getXmlFragment("default").get(0);
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
    if (!(text instanceof Y.XmlText)) throw new Error("the fixture's first paragraph has no text node");
    this.text = text;
    // Persistence lag: edits since the indicator last said "saved" become durable when it says so again.
    client.provider.on("change", () => {
      if (this.pending.length === 0 || client.provider.status !== "saved") return;
      const now = performance.now();
      for (const sentAt of this.pending) if (tracker.isInWindow(sentAt)) tracker.persistLags.push(now - sentAt);
      this.pending = [];
    });
  }

  start(): void {
    // A random phase, so typists in a room do not fire in lockstep.
    this.nextAt = performance.now() + Math.random() * (1000 / this.rate);
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    // Intervals jitter ±50 % around 1/rate; scheduling against absolute times keeps the mean
    // rate exact even though setTimeout fires late.
    this.nextAt += (1000 / this.rate) * (0.5 + Math.random());
    this.timer = setTimeout(() => {
      this.keystroke();
      this.schedule();
    }, Math.max(0, this.nextAt - performance.now()));
  }

  private keystroke(): void {
    const doc = this.client.provider.doc;
    const roll = Math.random();
    if (roll < 0.1) {
      const own = this.lastOwnCharacter();
      if (own) {
        const sentAt = performance.now();
        this.tracker.sent(`d:${doc.clientID}:${own.clock}`, this.client.room, sentAt);
        this.pending.push(sentAt);
        this.text.delete(own.index, 1);
        return;
      }
    }
    const length = this.text.length;
    const index = roll < 0.2 ? Math.floor(Math.random() * (length + 1)) : length;
    const ch = ALPHABET[Math.floor(Math.random() * ALPHABET.length)]!;
    // The item this insert creates gets the client's next clock: that is its id on every replica.
    const sentAt = performance.now();
    this.tracker.sent(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, this.client.room, sentAt);
    this.pending.push(sentAt);
    this.text.insert(index, ch);
  }

  /**
   * Typists delete only characters they typed themselves: two people deleting the same
   * character at once would make one deletion a no-op that no receiver can observe.
   */
  private lastOwnCharacter(): { index: number; clock: number } | null {
    const me = this.client.provider.doc.clientID;
    let index = 0;
    let found: { index: number; clock: number } | null = null;
    for (let item = this.text._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      if (item.id.client === me) found = { index: index + item.length - 1, clock: item.id.clock + item.length - 1 };
      index += item.length;
    }
    return found;
  }
}
