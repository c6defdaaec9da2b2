// The rooms this process holds: loaded on first join, compacted as the journal grows,
// unloaded when nobody has been in them for a while. Versions and server changes go through
// live-documents.ts; automatic versions through version-scheduler.ts.
import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import { AppError } from "../../lib/errors.ts";
import type { CutOptions, LiveDocuments, TextSnapshot, Tx } from "../services/live-documents.ts";
import { DEFAULT_COMMIT_INTERVAL_MS, JournalWriter, type JournalEntry } from "../document-store/journal.ts";
import { docOf } from "../document-store/load-document.ts";
import { prismaSink, type JournalSink } from "../document-store/journal-sinks.ts";
import { Room } from "./room.ts";
import { singleNode, type Cluster } from "./cluster.ts";
import { AuthorshipLedger } from "./authorship-ledger.ts";
import { RelayBuffer } from "./relay-buffer.ts";
import { keepMembersPresent, takeRelayedPresence } from "./presence-keeping.ts";
import { encodeAwarenessUpdate } from "y-protocols/awareness";
import { scheduleAutoVersions } from "./version-scheduler.ts";
import { liveDocuments } from "./live-documents.ts";
import { foldPool } from "../compute/fold-pool.ts";
import { CompactionScheduler } from "./compaction-scheduler.ts";
import { RevisionWriter } from "./amendment-revisions.ts";
import { prismaRevisionStore, type RevisionStore } from "../services/amendments/store-revisions.ts";
import { openAmendmentViews } from "../services/amendments/amendment-views.ts";
import { CLAUSE_STATUSES, type ClauseStatus, type EditingMode } from "../../lib/domain/vocabulary.ts";
import { isAgreedStatus } from "../../lib/domain/drafting.ts";
import { recountIfTracked } from "../services/drafting/progress.ts";

/** The statuses whose paragraphs no change may touch (lib/domain/drafting.ts isAgreedStatus). */
const AGREED_STATUSES: ClauseStatus[] = CLAUSE_STATUSES.filter(isAgreedStatus);

/** On shutdown, how long to wait for the journal before exiting anyway (clients resend the rest). */
const SHUTDOWN_DRAIN_MS = 10_000;

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
  /**
   * How often this node marks its members' presence current and tells the other nodes whose it
   * holds (presence-keeping.ts). States not kept current for 30 s expire: this stays well inside.
   */
  presenceSweepMs: number;
};

export const DEFAULT_ROOM_OPTIONS: RoomOptions = {
  idleMs: 30_000,
  compactAfterRows: 1000,
  autoVersionIdleMs: 20_000,
  autoVersionMaxMs: 5 * 60_000,
  versionScanMs: 1000,
  journalCommitIntervalMs: DEFAULT_COMMIT_INTERVAL_MS,
  presenceSweepMs: 5000,
};

export class RoomRegistry implements LiveDocuments {
  readonly journal: JournalWriter;
  /** Amendment revisions typed in this node's rooms, stored in group commits (amendment-revisions.ts). */
  readonly revisions: RevisionWriter;
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();
  cluster: Cluster = singleNode;
  private readonly relays = new RelayBuffer();
  /** Workshops archived while this process ran (a handful; an archived workshop stays archived). */
  private readonly archived = new Set<string>();
  /**
   * Modes set while a room was loading: its load may have read the proposal before the change
   * committed, so the room takes the mode from here once built (else it would enforce the old one).
   */
  private readonly pendingModes = new Map<string, EditingMode>();
  /** Agreed paragraphs set while a room was loading (as pendingModes, for the same reason). */
  private readonly pendingAgreed = new Map<string, ReadonlySet<string>>();
  private readonly stopVersions: () => void;
  /** One timer keeps every room's presence (never one per room or per connection). */
  private readonly presenceSweep: ReturnType<typeof setInterval>;
  private readonly docs: LiveDocuments;
  private readonly compaction: CompactionScheduler;

  constructor(
    private readonly db: Db,
    private readonly options: RoomOptions = DEFAULT_ROOM_OPTIONS,
    sink: JournalSink = prismaSink(db),
    revisionStore: RevisionStore = prismaRevisionStore(db),
  ) {
    this.journal = new JournalWriter(sink, {
      onWritten: (id, rows) => this.noteWritten(id, rows),
      onGivenUp: (entry) => this.noteGivenUp(entry),
      commitIntervalMs: options.journalCommitIntervalMs,
    });
    this.revisions = new RevisionWriter(revisionStore);
    this.compaction = new CompactionScheduler(this.journal, options.compactAfterRows);
    this.docs = liveDocuments({
      db,
      journal: this.journal,
      room: (id) => this.get(id),
      setState: (id, state) => void this.setState(id, state),
      reset: (room) => this.resetRoom(room),
    });
    this.presenceSweep = setInterval(() => this.keepPresence(Date.now()), options.presenceSweepMs);
    this.presenceSweep.unref?.();
    this.stopVersions = scheduleAutoVersions(
      () => this.loaded.values(),
      async (room) => {
        const version = await this.cutVersionNow(room.proposalId, { kind: "AUTO", label: null, authorId: null, skipIfUnchanged: true });
        // Typing may have added or removed paragraphs: the board's "N of M" follows at each version.
        if (version) await recountIfTracked(db, this, room.proposalId).catch((e) => console.error(`progress of ${room.proposalId} not recounted:`, (e as Error)?.message ?? e));
        return version;
      },
      options,
    );
  }

  /** The loaded room for a proposal, loading it once however many join at the same time. */
  get(proposalId: string): Promise<Room> {
    let pending = this.rooms.get(proposalId);
    if (!pending) {
      pending = this.load(proposalId);
      this.rooms.set(proposalId, pending);
      // A failed load is not cached: the next join tries again.
      pending.catch(() => {
        this.rooms.delete(proposalId);
        // The next load reads the mode afresh: a change noted for this one must not outlive it.
        this.pendingModes.delete(proposalId);
        this.pendingAgreed.delete(proposalId);
      });
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
    if (room.sessions.size > 0 || room.idleTimer || room.isBroken) return;
    room.idleTimer = setTimeout(() => void this.unload(room), this.options.idleMs);
    room.idleTimer.unref?.();
  }

  /** This node's loaded rooms of a workshop's proposals. */
  ofWorkshop(workshopId: string): Room[] {
    return [...this.loaded.values()].filter((room) => room.workshopId === workshopId);
  }

  /** The workshop was archived: its rooms (loaded now or loading) refuse every change from now on. */
  markArchived(workshopId: string): Room[] {
    // Remembered for rooms whose load read the workshop before the archive committed.
    this.archived.add(workshopId);
    const rooms = this.ofWorkshop(workshopId);
    for (const room of rooms) room.isArchived = true;
    return rooms;
  }

  /** The chair changed the editing mode: the room enforces it from now on. */
  setMode(proposalId: string, mode: EditingMode): Room | undefined {
    const room = this.loaded.get(proposalId);
    if (room) room.mode = mode;
    else if (this.rooms.has(proposalId)) this.pendingModes.set(proposalId, mode);
    return room;
  }

  /**
   * The agreed paragraphs changed (the chair set a status): the room refuses changes to them from
   * now on. Every node is told (LiveNotifier.agreedParagraphs relays it through cluster.ts).
   */
  setAgreedKeys(proposalId: string, keys: readonly string[]): Room | undefined {
    // A new set each time: Room.accept notices a change that came while it awaited the ledger.
    const agreed: ReadonlySet<string> = new Set(keys);
    const room = this.loaded.get(proposalId);
    if (room) room.agreedKeys = agreed;
    else if (this.rooms.has(proposalId)) this.pendingAgreed.set(proposalId, agreed);
    return room;
  }

  /** The proposal's state changed (lock, vote…): the room enforces it from now on. */
  setState(proposalId: string, state: ProposalState): Room | undefined {
    const room = this.loaded.get(proposalId);
    if (room) room.state = state;
    return room;
  }

  cutVersionNow(proposalId: string, opts: CutOptions): Promise<{ id: string; number: number } | null> {
    return this.docs.cutVersionNow(proposalId, opts);
  }

  freezeAndCut<T>(proposalId: string, frozenState: ProposalState, persist: (tx: Tx, text: TextSnapshot) => Promise<T>): Promise<T> {
    return this.docs.freezeAndCut(proposalId, frozenState, persist);
  }

  readonly applyServerChange: LiveDocuments["applyServerChange"] = (proposalId, opts) => this.docs.applyServerChange(proposalId, opts);

  readonly readSpans: LiveDocuments["readSpans"] = (proposalId, anchors) => this.docs.readSpans(proposalId, anchors);

  readonly readParagraphs: LiveDocuments["readParagraphs"] = (proposalId) => this.docs.readParagraphs(proposalId);

  /** An update another node accepted: into this node's replica and out to this node's members. */
  applyRelayed(proposalId: string, update: Uint8Array): void {
    const room = this.loaded.get(proposalId);
    if (!room) return this.relays.keep(proposalId, update, Date.now());
    room.integrate(update, { origin: null, isFromThisNode: false });
  }

  /**
   * Brings loaded rooms back to what is stored, after the cluster link was interrupted (relays
   * between nodes were lost): the text the database has and the room lacks (by state vector,
   * applied and sent to this node's members), the proposal's state, mode, agreed paragraphs and
   * archiving; the amendment cache is dropped. Then the rooms' tabs are asked to join again
   * (room:reset): the join re-reads their panels and exchanges the text both ways. One room at a
   * time, each costing what its load costs. Resolves with the proposals re-synced.
   */
  async resync(proposalIds?: readonly string[]): Promise<string[]> {
    const rooms = proposalIds ? proposalIds.flatMap((id) => this.loaded.get(id) ?? []) : [...this.loaded.values()];
    const done: string[] = [];
    for (const room of rooms) {
      try {
        if (await this.resyncRoom(room)) done.push(room.proposalId);
      } catch (e) {
        // Not re-synced, so not trusted: its tabs join again and the room is read afresh.
        console.error(`room ${room.proposalId} not re-synced, reloading it:`, (e as Error)?.message ?? e);
        this.resetRoom(room);
      }
    }
    return done;
  }

  private async resyncRoom(room: Room): Promise<boolean> {
    const id = room.proposalId;
    // What relays may change while the database is read: a relay heard meanwhile is newer.
    const before = { state: room.state, mode: room.mode, agreed: room.agreedKeys };
    const [proposal, agreed, stored] = await Promise.all([
      this.db.proposal.findUnique({ where: { id }, select: { state: true, editingMode: true, workshop: { select: { archivedAt: true } } } }),
      this.agreedKeysOf(id),
      this.journal.read(id),
    ]);
    if (!proposal || this.loaded.get(id) !== room || room.isBroken) return false;
    // What the room holds beyond the database is its own unsaved edits, on their way to it.
    await room.serialize(() => {
      const durable = docOf(stored);
      room.takeStored(durable);
      durable.destroy();
    });
    if (room.state === before.state) room.state = proposal.state;
    if (room.mode === before.mode) room.mode = proposal.editingMode;
    if (room.agreedKeys === before.agreed) room.agreedKeys = agreed;
    if (proposal.workshop.archivedAt) room.isArchived = true;
    room.amendments.invalidate();
    for (const session of room.sessions.values()) session.member.send("room:reset", { proposalId: id });
    return true;
  }

  /**
   * Marks this node's members' presence current in every room and sends the other nodes the
   * states they hold, one message per room (presence-keeping.ts). Called by the sweep's timer.
   */
  keepPresence(now: number): void {
    for (const room of this.loaded.values()) {
      const held = keepMembersPresent(room.awareness, room.sessions.values(), now);
      if (held.length > 0 && this.cluster.isClustered) this.cluster.relayPresence(room.proposalId, encodeAwarenessUpdate(room.awareness, held));
    }
  }

  /** Another node's members' states in the proposal's room: kept here, and any new ones passed to this node's tabs. */
  takeRelayedPresence(proposalId: string, update: Uint8Array, now: number): void {
    const room = this.loaded.get(proposalId);
    if (!room) return;
    const news = takeRelayedPresence(room.awareness, update, now);
    if (news) room.broadcast("awareness:update", { proposalId, update: news });
  }

  /** Writes everything pending (for a while) and unloads every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    this.stopVersions();
    clearInterval(this.presenceSweep);
    const drained = await Promise.race([Promise.all([this.journal.drain(), this.revisions.drain()]).then(() => true), new Promise<false>((r) => setTimeout(() => r(false), SHUTDOWN_DRAIN_MS))]);
    if (drained) {
      for (const room of [...this.loaded.values()]) await this.unload(room, { force: true });
      await this.journal.drain();
    } else {
      console.error("shutdown: the journal could not be written; unsaved changes stay with their senders, who resend them");
    }
    this.journal.close();
    this.revisions.close();
  }

  private async load(proposalId: string): Promise<Room> {
    const proposal = await this.db.proposal.findUnique({
      where: { id: proposalId },
      select: { workshopId: true, state: true, editingMode: true, workshop: { select: { archivedAt: true } } },
    });
    if (!proposal) throw new AppError("NOT_FOUND");
    const [stored, ledger, agreed] = await Promise.all([this.journal.read(proposalId), AuthorshipLedger.load(this.db, proposalId), this.agreedKeysOf(proposalId)]);
    const room = new Room(proposalId, proposal.workshopId, proposal.state, stored, {
      journal: this.journal,
      cluster: this.cluster,
      ledger,
      loadAmendments: () => openAmendmentViews(this.db, proposalId),
    });
    room.mode = this.pendingModes.get(proposalId) ?? proposal.editingMode;
    this.pendingModes.delete(proposalId);
    room.agreedKeys = this.pendingAgreed.get(proposalId) ?? agreed;
    this.pendingAgreed.delete(proposalId);
    // Archived while the room was loading: workshopArchived found no room, so it is read here.
    room.isArchived = proposal.workshop.archivedAt !== null || this.archived.has(proposal.workshopId);
    // Whatever other nodes relayed while (or just before) this node read the database.
    for (const update of this.relays.take(proposalId)) Y.applyUpdate(room.doc, update, "relay");
    this.loaded.set(proposalId, room);
    // Rooms compact every thousand journal rows: the merge worker starts with the first room,
    // not in the middle of someone's typing.
    foldPool().warm();
    return room;
  }

  /** The proposal's agreed paragraphs as stored (both Agreed and Agreed ad referendum are protected). */
  private async agreedKeysOf(proposalId: string): Promise<ReadonlySet<string>> {
    const rows = await this.db.clauseState.findMany({ where: { proposalId, status: { in: AGREED_STATUSES } }, select: { clauseKey: true } });
    return new Set(rows.map((r) => r.clauseKey));
  }

  private async unload(room: Room, opts: { force?: boolean } = {}): Promise<void> {
    room.idleTimer = null;
    if (room.sessions.size > 0 && !opts.force) return;
    await this.journal.drain();
    // Editing that has no version yet gets one before the room is forgotten.
    if (room.firstUnversionedEditAt !== null) {
      await this.cutVersionNow(room.proposalId, { kind: "AUTO", label: null, authorId: null, skipIfUnchanged: true }).catch((e) =>
        console.error(`automatic version of ${room.proposalId} failed:`, (e as Error)?.message ?? e),
      );
    }
    // Compact before forgetting the room, so the next load is a checkpoint and little else.
    if (room.journalRows > 0) await this.compact(room);
    if (room.sessions.size > 0 && !opts.force) return;
    this.forget(room);
  }

  private forget(room: Room): void {
    if (this.loaded.get(room.proposalId) === room) {
      this.loaded.delete(room.proposalId);
      this.rooms.delete(room.proposalId);
    }
    room.destroy();
  }

  /**
   * The journal gave up a change this room already applied and relayed: the room's memory no
   * longer matches the database. It is dropped at once; its members join again, load the room
   * from the database, and resend what they have not seen acknowledged.
   */
  private noteGivenUp(entry: JournalEntry): void {
    const room = this.loaded.get(entry.proposalId);
    if (room) this.resetRoom(room);
  }

  /** Drops a room whose memory may differ from the database; its tabs join again and it reloads. */
  resetRoom(room: Room): void {
    if (room.isBroken) return;
    room.isBroken = true;
    for (const session of room.sessions.values()) session.member.send("room:reset", { proposalId: room.proposalId });
    this.forget(room);
  }

  private noteWritten(proposalId: string, rows: number): void {
    const room = this.loaded.get(proposalId);
    if (room) this.compaction.noteWritten(room, rows);
  }

  private compact(room: Room): Promise<void> {
    return this.compaction.compact(room);
  }
}
