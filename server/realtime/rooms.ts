// The rooms this process holds: loaded on first join, compacted as the journal grows,
// unloaded when nobody has been in them for a while.
import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import type { VersionKind } from "../../lib/domain/version-chain.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import { AppError } from "../../lib/errors.ts";
import { cutVersion } from "../services/cut-version.ts";
import { DEFAULT_COMMIT_INTERVAL_MS, JournalWriter } from "./journal.ts";
import { prismaSink, type JournalSink } from "./journal-sinks.ts";
import { Room } from "./room.ts";
import { singleNode, type Cluster } from "./cluster.ts";

/** Updates relayed by other nodes for rooms this node has not loaded are kept this long, so a
 *  load that read the database just before their commit still gets them. */
const RELAY_MEMORY_MS = 15_000;
const RELAY_MEMORY_MAX = 2000;
/** Back-off after a failed compaction. */
const COMPACT_RETRY_MS = 30_000;

export type RoomOptions = {
  /** An empty room is unloaded after this long; a delegate's reload within it finds it warm. */
  idleMs: number;
  /** Journal rows after which a room folds them into a checkpoint (keeps loads in tens of ms). */
  compactAfterRows: number;
  /** A burst of editing gets an automatic version once the text has been quiet this long… */
  autoVersionIdleMs: number;
  /** …and at least this often during continuous editing, so history never has long gaps. */
  autoVersionMaxMs: number;
  /** How often rooms are checked for a due automatic version (one timer, not one per keystroke). */
  versionScanMs: number;
  /** The shortest time between two journal batches (group commit; see journal.ts). */
  journalCommitIntervalMs: number;
};

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  idleMs: 30_000,
  compactAfterRows: 1000,
  autoVersionIdleMs: 20_000,
  autoVersionMaxMs: 5 * 60_000,
  versionScanMs: 1000,
  journalCommitIntervalMs: DEFAULT_COMMIT_INTERVAL_MS,
};

/** A change made by the server on someone's behalf (a restore), with its own Yjs client id. */
export type ServerChange = { update: Uint8Array; userId: string; delegationId: string | null; clientId: number };

export class RoomRegistry {
  readonly journal: JournalWriter;
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  cluster: Cluster = singleNode;
  private readonly recentRelays = new Map<string, Array<{ at: number; update: Uint8Array }>>();
  private readonly versionTimer: ReturnType<typeof setInterval>;

  constructor(
    private readonly db: Db,
    private readonly options: RoomOptions = DEFAULT_ROOM_OPTIONS,
    sink: JournalSink = prismaSink(db),
  ) {
    this.journal = new JournalWriter(sink, {
      onWritten: (id, rows) => this.noteWritten(id, rows),
      commitIntervalMs: options.journalCommitIntervalMs,
    });
    this.versionTimer = setInterval(() => void this.cutDueVersions(Date.now()), options.versionScanMs);
    this.versionTimer.unref?.();
  }

  /** The loaded room for a proposal, loading it once however many join at the same time. */
  get(proposalId: string): Promise<Room> {
    let pending = this.rooms.get(proposalId);
    if (!pending) {
      pending = this.load(proposalId);
      this.rooms.set(proposalId, pending);
      // A failed load is not cached: the next join tries again.
      pending.catch(() => this.rooms.delete(proposalId));
    }
    return pending;
  }

  peek(proposalId: string): Room | undefined {
    return this.loaded.get(proposalId);
  }

  get size(): number {
    return this.loaded.size;
  }

  /** Someone entered: keep the room. */
  hold(room: Room): void {
    if (room.idleTimer) clearTimeout(room.idleTimer);
    room.idleTimer = null;
  }

  /** Someone left: unload the room once it has stayed empty for `idleMs`. */
  release(room: Room): void {
    if (room.sessions.size > 0 || room.idleTimer) return;
    room.idleTimer = setTimeout(() => void this.unload(room), this.options.idleMs);
    room.idleTimer.unref?.();
  }

  /** The proposal's state changed (lock, vote…): the room enforces it from now on. */
  setState(proposalId: string, state: ProposalState): Room | undefined {
    const room = this.loaded.get(proposalId);
    if (room) room.state = state;
    return room;
  }

  /**
   * Applies a change made on someone's behalf (e.g. restoring a version) exactly as if their
   * tab had sent it: into the replica, out to everyone in the room, into the journal.
   */
  async applyServerChange(proposalId: string, change: ServerChange): Promise<Room> {
    const room = await this.get(proposalId);
    if (!room.clientOwners.has(change.clientId)) {
      room.clientOwners.set(change.clientId, change.userId);
      await this.db.documentClient.create({
        data: { proposalId, clientId: BigInt(change.clientId), userId: change.userId, delegationId: change.delegationId },
      });
    }
    Y.applyUpdate(room.doc, change.update, "server");
    room.noteEdit(change.delegationId, Date.now());
    room.broadcast("doc:update", { proposalId, update: change.update });
    this.cluster.relayDoc(proposalId, change.update);
    await this.journal.append({ proposalId, update: change.update, userId: change.userId, delegationId: change.delegationId, clientId: change.clientId });
    return room;
  }

  /** An update another node accepted: into this node's replica and out to this node's members. */
  applyRelayed(proposalId: string, update: Uint8Array): void {
    const room = this.loaded.get(proposalId);
    if (room) {
      Y.applyUpdate(room.doc, update, "relay");
      room.broadcast("doc:update", { proposalId, update });
      return;
    }
    const now = Date.now();
    const kept = (this.recentRelays.get(proposalId) ?? []).filter((r) => now - r.at < RELAY_MEMORY_MS).slice(-RELAY_MEMORY_MAX);
    kept.push({ at: now, update });
    this.recentRelays.set(proposalId, kept);
  }

  /** Cuts a version of the live text now (named, for a vote, after a restore, or automatic). */
  async cutVersionNow(
    proposalId: string,
    opts: { kind: VersionKind; label: string | null; authorId: string | null; skipIfUnchanged?: boolean },
  ): Promise<{ id: string; number: number } | null> {
    const room = await this.get(proposalId);
    // A version must describe durable text: everything accepted so far is written first.
    await this.journal.drain();
    room.isCuttingVersion = true;
    try {
      const editors = new Set(room.editors);
      const cut = () => cutVersion(this.db, { proposalId, workshopId: room.workshopId, doc: room.doc, editors, now: new Date(), ...opts });
      // Another node may take the same version number first: the unique index says so; retry.
      const version = await cut().catch((e: unknown) => {
        if ((e as { code?: string }).code === "P2002") return cut();
        throw e;
      });
      // Only editing that happened before the cut is covered by it.
      for (const e of editors) room.editors.delete(e);
      room.firstUnversionedEditAt = null;
      return version;
    } finally {
      room.isCuttingVersion = false;
    }
  }

  private async cutDueVersions(now: number): Promise<void> {
    for (const room of this.loaded.values()) {
      if (room.firstUnversionedEditAt === null || room.isCuttingVersion) continue;
      const isQuiet = now - room.lastEditAt >= this.options.autoVersionIdleMs;
      const isOverdue = now - room.firstUnversionedEditAt >= this.options.autoVersionMaxMs;
      if (!isQuiet && !isOverdue) continue;
      try {
        await this.cutVersionNow(room.proposalId, { kind: "AUTO", label: null, authorId: null, skipIfUnchanged: true });
      } catch (e) {
        console.error(`automatic version of ${room.proposalId} failed:`, e);
      }
    }
  }

  /** Writes everything pending and unloads every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    clearInterval(this.versionTimer);
    await this.journal.drain();
    for (const room of [...this.loaded.values()]) await this.unload(room, { force: true });
    await this.journal.drain();
    this.journal.close();
  }

  private async load(proposalId: string): Promise<Room> {
    const proposal = await this.db.proposal.findUnique({ where: { id: proposalId }, select: { workshopId: true, state: true } });
    if (!proposal) throw new AppError("NOT_FOUND");
    const [stored, owners] = await Promise.all([
      this.journal.read(proposalId),
      this.db.documentClient.findMany({ where: { proposalId }, select: { clientId: true, userId: true } }),
    ]);
    const room = new Room(
      proposalId,
      proposal.workshopId,
      proposal.state,
      stored,
      new Map(owners.filter((o) => o.userId).map((o) => [Number(o.clientId), o.userId!])),
    );
    // Whatever other nodes relayed while (or just before) this node read the database.
    for (const r of this.recentRelays.get(proposalId) ?? []) Y.applyUpdate(room.doc, r.update, "relay");
    this.recentRelays.delete(proposalId);
    this.loaded.set(proposalId, room);
    return room;
  }

  private async unload(room: Room, opts: { force?: boolean } = {}): Promise<void> {
    room.idleTimer = null;
    if (room.sessions.size > 0 && !opts.force) return;
    await this.journal.drain();
    // Editing that has no version yet gets one before the room is forgotten.
    if (room.firstUnversionedEditAt !== null) {
      await this.cutVersionNow(room.proposalId, { kind: "AUTO", label: null, authorId: null, skipIfUnchanged: true }).catch((e) =>
        console.error(`automatic version of ${room.proposalId} failed:`, e),
      );
    }
    // Compact before forgetting the room, so the next load is a checkpoint and little else.
    if (room.journalRows > 0) await this.compact(room);
    if (room.sessions.size > 0 && !opts.force) return;
    this.loaded.delete(room.proposalId);
    this.rooms.delete(room.proposalId);
    room.destroy();
  }

  private noteWritten(proposalId: string, rows: number): void {
    const room = this.loaded.get(proposalId);
    if (!room) return;
    room.journalRows += rows;
    if (room.journalRows >= this.options.compactAfterRows && !room.isCompacting && Date.now() >= room.compactNotBefore) void this.compact(room);
  }

  private async compact(room: Room): Promise<void> {
    if (room.isCompacting) return;
    room.isCompacting = true;
    try {
      const { mergedRows } = await this.journal.compact(room.proposalId);
      room.journalRows = Math.max(0, room.journalRows - mergedRows);
    } catch (e) {
      // The journal stays as it is (still complete); try again later, not on every write.
      room.compactNotBefore = Date.now() + COMPACT_RETRY_MS;
      console.error(`compaction of ${room.proposalId} failed:`, e);
    } finally {
      room.isCompacting = false;
    }
  }
}
