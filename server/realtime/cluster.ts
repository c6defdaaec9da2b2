// Several server processes sharing rooms. socket.io's Redis adapter carries the JSON room
// broadcasts (state changes, the workshop board) to every node's clients. Yjs and awareness
// updates travel node-to-node here instead, once each: the receiving node applies them to its
// own replica and sends them on to its own members (room.broadcast), so replicas stay in sync
// and clients never see an update twice. Amendment views travel the same way: a revision typed
// on one node (deliver: its members have not seen it), or a change whose event socket.io's
// adapter already carried (deliver: false, only the room's amendment cache takes it).
// (serverSideEmit JSON-encodes its arguments, so binary travels as base64.)
// Everything published on the Redis is sealed with ACCORD_CLUSTER_SECRET and checked on receipt
// (cluster-seal.ts): a message from anyone without the secret is dropped before it is read.
//
// Redis is a messenger, never a store: a node relays only edits already in the database, and
// when its link has been down (watchLink) it re-reads its rooms from the database and asks the
// other nodes to do the same, so nothing lost in transit stays lost. What the text may become
// is decided by the database too (the journal's state guard, journal-sinks.ts), so a lock or a
// vote a node has not heard of yet still holds there.
import { Redis } from "ioredis";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Server } from "socket.io";
import { ProposalStateSchema, type AmendmentView, type ProposalStateName } from "../../lib/protocol.ts";
import { EDITING_MODES, type EditingMode } from "../../lib/domain/vocabulary.ts";
import { MAX_CLAUSE_KEY_CHARS } from "../../lib/domain/drafting.ts";
import { sealRedisClients } from "./cluster-seal.ts";
import { MAX_PRESENCE_RELAY_BYTES } from "./presence-keeping.ts";

export type ClusterHandlers = {
  onDoc(proposalId: string, update: Uint8Array): void;
  onAwareness(proposalId: string, update: Uint8Array): void;
  /** Another node's members' presence states in the proposal's room, sent every sweep (presence-keeping.ts). */
  onPresenceKept(proposalId: string, update: Uint8Array): void;
  onState(proposalId: string, state: ProposalStateName): void;
  onMode(proposalId: string, mode: EditingMode): void;
  /** The proposal's agreed paragraphs (all of them, by key) changed on another node. */
  onAgreed(proposalId: string, keys: string[]): void;
  /** Amendments changed on another node; `deliver`: this node's members have not been sent them. */
  onAmendments(proposalId: string, amendments: AmendmentView[], deliver: boolean): void;
  /** A user's access changed (workshopId null: all their sessions ended, or with sessionId that one). */
  onAccess(userId: string, workshopId: string | null, sessionId: string | null): void;
  onArchived(workshopId: string): void;
  /** The delegations present through this node's sockets (attendance.ts), asked by another node. */
  attendanceHere(workshopId: string): string[];
  /**
   * The link to the other nodes is back after an interruption, and this node hears them again:
   * whatever was relayed meanwhile is lost, so rooms re-read what is stored (RoomRegistry.resync).
   * Resolves with the proposals re-synced: the other nodes are then asked to re-sync theirs too
   * (they may not have seen the interruption, only missed this node's relays).
   */
  onLinkRestored(): Promise<string[]>;
  /** Another node's link was interrupted: re-sync these proposals' rooms, if loaded here. */
  onResyncAsked(proposalIds: string[]): void;
};

export type Cluster = {
  readonly isClustered: boolean;
  /** False while the Redis link is down (relays of the text are then dropped, not queued). */
  readonly isLinkUp: boolean;
  relayDoc(proposalId: string, update: Uint8Array): void;
  relayAwareness(proposalId: string, update: Uint8Array): void;
  relayPresence(proposalId: string, update: Uint8Array): void;
  relayState(proposalId: string, state: ProposalStateName): void;
  relayMode(proposalId: string, mode: EditingMode): void;
  relayAgreed(proposalId: string, keys: readonly string[]): void;
  relayAmendments(proposalId: string, amendments: AmendmentView[], opts: { deliver: boolean }): void;
  relayAccess(userId: string, workshopId: string | null, sessionId?: string | null): void;
  relayArchived(workshopId: string): void;
  /** The delegations present through the other nodes' sockets (rejects if one does not answer in time). */
  askAttendance(workshopId: string): Promise<string[]>;
  close(): Promise<void>;
};

export const singleNode: Cluster = {
  isClustered: false,
  isLinkUp: true,
  relayDoc() {},
  relayAwareness() {},
  relayPresence() {},
  relayState() {},
  relayMode() {},
  relayAgreed() {},
  relayAmendments() {},
  relayAccess() {},
  relayArchived() {},
  askAttendance: async () => [],
  async close() {},
};

const b64 = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength).toString("base64");
const fromB64 = (s: string) => new Uint8Array(Buffer.from(s, "base64"));
const isId = (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 64;

type WireAmendment = Omit<AmendmentView, "from" | "to"> & { from: string; to: string };
const toWire = (a: AmendmentView): WireAmendment => ({ ...a, from: b64(a.from), to: b64(a.to) });
function fromWire(v: unknown): AmendmentView | null {
  if (typeof v !== "object" || v === null) return null;
  const w = v as Partial<WireAmendment>;
  if (!isId(w.id) || typeof w.key !== "string" || typeof w.from !== "string" || typeof w.to !== "string" || typeof w.status !== "string") return null;
  if (typeof w.insert !== "string" || typeof w.passage !== "string" || !Array.isArray(w.stances) || typeof w.author !== "object" || w.author === null) return null;
  return { ...(w as WireAmendment), from: fromB64(w.from), to: fromB64(w.to) };
}

/** `secret`: ACCORD_CLUSTER_SECRET, the same on every node; it seals every message between them. */
export function joinCluster(io: Server, redisUrl: string, secret: string, handlers: ClusterHandlers): Cluster {
  if (secret.length < 32) throw new Error("ACCORD_CLUSTER_SECRET (at least 32 characters, the same on every node) is required with REDIS_URL");
  const pub = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const sub = pub.duplicate();
  for (const client of [pub, sub]) logErrorsOncePerOutage(client);
  sealRedisClients(pub, sub, secret);
  io.adapter(createAdapter(pub, sub));

  const link = watchLink(pub, sub, async () => {
    const resynced = await handlers.onLinkRestored();
    // Everything this node stored while its relays were dropped is in the database by now.
    if (resynced.length > 0) io.serverSideEmit("node:resync", resynced);
  });

  // Sealed messages come from our own nodes, but a bad one must still never throw out of a listener.
  const guard = (fn: () => void) => {
    try {
      fn();
    } catch (e) {
      console.error("cluster message ignored:", e);
    }
  };
  io.on("node:doc", (proposalId: unknown, update: unknown) =>
    guard(() => isId(proposalId) && typeof update === "string" && handlers.onDoc(proposalId, fromB64(update))),
  );
  io.on("node:awareness", (proposalId: unknown, update: unknown) =>
    guard(() => isId(proposalId) && typeof update === "string" && handlers.onAwareness(proposalId, fromB64(update))),
  );
  io.on("node:presence", (proposalId: unknown, update: unknown) =>
    guard(() => isId(proposalId) && typeof update === "string" && update.length <= (MAX_PRESENCE_RELAY_BYTES * 4) / 3 + 4 && handlers.onPresenceKept(proposalId, fromB64(update))),
  );
  io.on("node:state", (proposalId: unknown, state: unknown) =>
    guard(() => {
      const parsed = ProposalStateSchema.safeParse(state);
      if (isId(proposalId) && parsed.success) handlers.onState(proposalId, parsed.data);
    }),
  );
  io.on("node:mode", (proposalId: unknown, mode: unknown) =>
    guard(() => isId(proposalId) && (EDITING_MODES as readonly unknown[]).includes(mode) && handlers.onMode(proposalId, mode as EditingMode)),
  );
  io.on("node:agreed", (proposalId: unknown, keys: unknown) =>
    guard(() => {
      if (!isId(proposalId) || !Array.isArray(keys)) return;
      handlers.onAgreed(proposalId, keys.filter((k): k is string => typeof k === "string" && k.length <= MAX_CLAUSE_KEY_CHARS));
    }),
  );
  io.on("node:amendments", (proposalId: unknown, amendments: unknown, deliver: unknown) =>
    guard(() => {
      if (!isId(proposalId) || !Array.isArray(amendments)) return;
      const views = amendments.map(fromWire).filter((a): a is AmendmentView => a !== null);
      if (views.length > 0) handlers.onAmendments(proposalId, views, deliver === true);
    }),
  );
  // Access changes are applied by every node to its own sockets: their sessions live there.
  io.on("node:access", (userId: unknown, workshopId: unknown, sessionId: unknown) =>
    guard(() => isId(userId) && (workshopId === null || isId(workshopId)) && handlers.onAccess(userId, workshopId, isId(sessionId) ? sessionId : null)),
  );
  io.on("node:archived", (workshopId: unknown) => guard(() => isId(workshopId) && handlers.onArchived(workshopId)));
  io.on("node:resync", (proposalIds: unknown) =>
    guard(() => Array.isArray(proposalIds) && handlers.onResyncAsked(proposalIds.filter(isId))),
  );
  io.on("node:attendance", (workshopId: unknown, answer: unknown) =>
    guard(() => isId(workshopId) && typeof answer === "function" && answer(handlers.attendanceHere(workshopId))),
  );

  return {
    isClustered: true,
    get isLinkUp() {
      return link.isUp;
    },
    // Not queued while the link is down (the queue would grow with every keystroke of an
    // outage): the text is in the database for the re-sync, presence comes with the next sweep
    // (presence-keeping.ts) and the tabs' rejoin.
    relayDoc: (proposalId, update) => void (link.isUp && io.serverSideEmit("node:doc", proposalId, b64(update))),
    relayAwareness: (proposalId, update) => void (link.isUp && io.serverSideEmit("node:awareness", proposalId, b64(update))),
    relayPresence: (proposalId, update) => void (link.isUp && io.serverSideEmit("node:presence", proposalId, b64(update))),
    relayState: (proposalId, state) => io.serverSideEmit("node:state", proposalId, state),
    relayMode: (proposalId, mode) => io.serverSideEmit("node:mode", proposalId, mode),
    relayAgreed: (proposalId, keys) => io.serverSideEmit("node:agreed", proposalId, [...keys]),
    relayAmendments: (proposalId, amendments, opts) => io.serverSideEmit("node:amendments", proposalId, amendments.map(toWire), opts.deliver),
    relayAccess: (userId, workshopId, sessionId = null) => io.serverSideEmit("node:access", userId, workshopId, sessionId),
    relayArchived: (workshopId) => io.serverSideEmit("node:archived", workshopId),
    async askAttendance(workshopId) {
      // Bounded by the adapter's request timeout (5 s): a stuck node cannot hold the board longer.
      const answers: unknown[] = await io.serverSideEmitWithAck("node:attendance", workshopId);
      return answers.flatMap((a) => (Array.isArray(a) ? a.filter(isId) : []));
    },
    async close() {
      link.close();
      // QUIT would wait for a Redis that is down (commands queue until it is back): cut instead.
      await Promise.allSettled([pub, sub].map((c) => (c.status === "ready" ? c.quit() : Promise.resolve(c.disconnect()))));
    },
  };
}

/** A Redis that is down fails every reconnection attempt: one line when it starts, not one per attempt. */
function logErrorsOncePerOutage(client: Redis): void {
  let isQuiet = false;
  client.on("error", (e: Error) => {
    if (!isQuiet) console.error("redis:", e.message);
    isQuiet = true;
  });
  client.on("ready", () => (isQuiet = false));
}

/** How long to wait before asking again whether the subscriber hears the channel (it was just reconnecting). */
const RESUBSCRIBE_RETRY_MS = 200;

/**
 * Follows the two Redis connections. Down as soon as either closes; up again once both are
 * ready and the subscriber has its channels back (a PING answered after ioredis's re-subscribe
 * on the same connection). Then `restored` re-syncs the rooms: every relay published from that
 * moment reaches this node, and everything stored before it the re-sync reads.
 */
function watchLink(pub: Redis, sub: Redis, restored: () => Promise<void>): { readonly isUp: boolean; close(): void } {
  let isDown = false;
  let isClosed = false;
  let restoring: Promise<void> | null = null;
  const down = () => {
    if (isDown || isClosed) return;
    isDown = true;
    console.error("cluster: the Redis link is down; edits are stored as usual, and rooms re-sync from the database when it returns");
  };
  const restore = async () => {
    while (isDown && !isClosed && pub.status === "ready" && sub.status === "ready") {
      try {
        await sub.ping();
      } catch {
        await new Promise((r) => setTimeout(r, RESUBSCRIBE_RETRY_MS));
        continue;
      }
      // Cleared before the re-sync reads: a drop during it sets it again and runs another.
      isDown = false;
      try {
        await restored();
        console.error("cluster: the Redis link is back; rooms re-synced from the database");
      } catch (e) {
        console.error("cluster: re-sync after the Redis link came back failed:", (e as Error)?.message ?? e);
      }
    }
  };
  const ready = () => {
    if (!isDown || restoring) return;
    restoring = restore().finally(() => {
      restoring = null;
      // Dropped and back again while the re-sync ran: once more.
      if (isDown && pub.status === "ready" && sub.status === "ready") ready();
    });
  };
  for (const client of [pub, sub]) {
    client.on("close", down);
    client.on("ready", ready);
  }
  return {
    get isUp() {
      return !isDown;
    },
    close() {
      isClosed = true;
    },
  };
}
