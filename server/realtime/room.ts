// One proposal's live document on this server: the Y.Doc replica, who is in the room, and
// which Yjs client ids belong to whom.
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import type { Socket } from "socket.io";
import type { ProposalState, Role } from "../../lib/domain/access.ts";
import type { Participant } from "../../lib/protocol.ts";
import { fanOut, type BinaryEvent, type BinaryPayload, type FanOutCount } from "./fan-out.ts";
import type { StoredDocument } from "../services/load-document-state.ts";

export type Session = {
  socket: Socket;
  participant: Participant;
  role: Role;
  // The Yjs client ids this socket may write and speak (awareness) for.
  clientIds: Set<number>;
};

export function roomKey(proposalId: string): string {
  return `proposal:${proposalId}`;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly sessions = new Map<string, Session>();
  /** Rows journaled since the last checkpoint (this process's count; triggers compaction). */
  journalRows: number;
  isCompacting = false;
  /** After a failed compaction, wait before trying again (not on every journal batch). */
  compactNotBefore = 0;
  idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Editing since the last version: when it began, when it last happened, which delegations. */
  firstUnversionedEditAt: number | null = null;
  lastEditAt = 0;
  readonly editors = new Set<string>();
  isCuttingVersion = false;

  constructor(
    readonly proposalId: string,
    readonly workshopId: string,
    public state: ProposalState,
    stored: StoredDocument,
    /** Yjs client id → user id: the authorship ledger (persisted as DocumentClient rows). */
    readonly clientOwners: Map<number, string>,
  ) {
    this.doc = new Y.Doc();
    // Checkpoint, then each row, in one transaction: cheaper than merging them into one update
    // first (a merge re-encodes the whole document only for it to be decoded again).
    this.doc.transact(() => {
      if (stored.checkpoint) Y.applyUpdate(this.doc, stored.checkpoint);
      for (const row of stored.rows) Y.applyUpdate(this.doc, row);
    });
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: no presence of its own.
    this.awareness.setLocalState(null);
    this.journalRows = stored.rows.length;
  }

  private applying: Promise<unknown> = Promise.resolve();

  /**
   * Runs accepted-update work one at a time, in arrival order. An update is checked against
   * the replica as it will be when it applies, so one socket's consecutive updates (each
   * building on the last) never race each other's checks.
   */
  serialize<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.applying.then(work, work);
    this.applying = run.catch(() => undefined);
    return run;
  }

  noteEdit(delegationId: string | null, now: number): void {
    this.firstUnversionedEditAt ??= now;
    this.lastEditAt = now;
    if (delegationId) this.editors.add(delegationId);
  }

  /**
   * A Yjs or awareness update to this node's members of the room (all but `exceptSocketId`).
   * Members on other nodes get it from their own node, which applies the relay and calls this.
   */
  broadcast<E extends BinaryEvent>(event: E, payload: BinaryPayload<E>, exceptSocketId: string | null = null): FanOutCount {
    return fanOut(this.sessions.values(), exceptSocketId, event, payload);
  }

  get key(): string {
    return roomKey(this.proposalId);
  }

  destroy(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.awareness.destroy();
    this.doc.destroy();
  }
}
