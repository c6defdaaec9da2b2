// The rooms this process holds: loaded on first join, compacted as the journal grows,
// unloaded when nobody has been in them for a while.
import type { Db } from "../../lib/db.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import { AppError } from "../../lib/errors.ts";
import { loadDocumentState } from "../services/load-document-state.ts";
import { compactJournal } from "../services/compact-journal.ts";
import { JournalWriter } from "./journal.ts";
import { Room } from "./room.ts";

export type RoomOptions = {
  /** An empty room is unloaded after this long; a delegate's reload within it finds it warm. */
  idleMs: number;
  /** Journal rows after which a room folds them into a checkpoint (keeps loads in tens of ms). */
  compactAfterRows: number;
};

export const DEFAULT_ROOM_OPTIONS: RoomOptions = { idleMs: 30_000, compactAfterRows: 1000 };

export class RoomRegistry {
  readonly journal: JournalWriter;
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly loaded = new Map<string, Room>();

  constructor(
    private readonly db: Db,
    private readonly options: RoomOptions = DEFAULT_ROOM_OPTIONS,
  ) {
    this.journal = new JournalWriter(db, { onWritten: (id, rows) => this.noteWritten(id, rows) });
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

  /** Writes everything pending and unloads every room (graceful shutdown). */
  async closeAll(): Promise<void> {
    await this.journal.drain();
    for (const room of [...this.loaded.values()]) await this.unload(room, { force: true });
  }

  private async load(proposalId: string): Promise<Room> {
    const proposal = await this.db.proposal.findUnique({ where: { id: proposalId }, select: { workshopId: true, state: true } });
    if (!proposal) throw new AppError("NOT_FOUND");
    const [{ state, journalRows }, owners] = await Promise.all([
      loadDocumentState({ db: this.db, proposalId }),
      this.db.documentClient.findMany({ where: { proposalId }, select: { clientId: true, userId: true } }),
    ]);
    const room = new Room(
      proposalId,
      proposal.workshopId,
      proposal.state,
      state,
      new Map(owners.filter((o) => o.userId).map((o) => [Number(o.clientId), o.userId!])),
      journalRows,
    );
    this.loaded.set(proposalId, room);
    return room;
  }

  private async unload(room: Room, opts: { force?: boolean } = {}): Promise<void> {
    room.idleTimer = null;
    if (room.sessions.size > 0 && !opts.force) return;
    await this.journal.drain();
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
    if (room.journalRows >= this.options.compactAfterRows && !room.isCompacting) void this.compact(room);
  }

  private async compact(room: Room): Promise<void> {
    if (room.isCompacting) return;
    room.isCompacting = true;
    try {
      const { mergedRows } = await compactJournal({ db: this.db, proposalId: room.proposalId });
      room.journalRows = Math.max(0, room.journalRows - mergedRows);
    } catch (e) {
      // The journal stays as it is (still complete); the next write tries again.
      console.error(`compaction of ${room.proposalId} failed:`, e);
    } finally {
      room.isCompacting = false;
    }
  }
}
