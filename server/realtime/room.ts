// One proposal's live document on this server: the Y.Doc replica, who is in the room, and the
// one path every change takes into it (`accept`: check → apply → relay → journal).
import * as Y from "yjs";
import { Awareness } from "y-protocols/awareness";
import type { ProposalState, Role } from "../../lib/domain/access.ts";
import type { EditingMode } from "../../lib/domain/vocabulary.ts";
import { AppError } from "../../lib/errors.ts";
import type { AmendmentView, Participant } from "../../lib/protocol.ts";
import { fanOut, type BinaryEvent, type BinaryPayload, type FanOutCount } from "./fan-out.ts";
import type { RoomMember } from "./room-member.ts";
import type { StoredDocument } from "../document-store/load-document.ts";
import type { AuthorshipLedger, Owner } from "./authorship-ledger.ts";
import type { JournalWriter } from "../document-store/journal.ts";
import type { Cluster } from "./cluster.ts";
import { inspectUpdate } from "./update-inspect.ts";
import { PresenceSizes } from "./presence-limits.ts";
import { announceExpiry } from "./presence-keeping.ts";
import { timed } from "../observability/operation-log.ts";
import { AmendmentCache } from "./amendment-cache.ts";
import { touchedUnitKeys } from "../../lib/document/clause-guard.ts";

export type Session = {
  member: RoomMember;
  participant: Participant;
  role: Role;
  // The Yjs client ids this socket may write and speak (awareness) for.
  clientIds: Set<number>;
};

/** Who a change is from, as the server knows it (never as the client says). */
export type Author = Owner & {
  /** The socket it came from (not sent back to it), or null for a change the server made. */
  originSocketId: string | null;
  /** The sender's session in this room: ids it claims become ids it may speak for. */
  session?: Session;
};

export type RoomDeps = {
  journal: JournalWriter;
  cluster: Cluster;
  ledger: AuthorshipLedger;
  /** The proposal's open amendments as stored (the amendment cache's one read). */
  loadAmendments: () => Promise<AmendmentView[]>;
};

export function roomKey(proposalId: string): string {
  return `proposal:${proposalId}`;
}

/**
 * The socket.io room of one delegation's members in a proposal's room: delegation-only comment
 * threads are sent here and nowhere else. A socket is in it exactly while its session's
 * delegation is that one (joined on room:join, moved on an access change, left on leave).
 */
export function delegationRoomKey(proposalId: string, delegationId: string): string {
  return `proposal:${proposalId}:delegation:${delegationId}`;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  readonly presence: PresenceSizes;
  readonly sessions = new Map<string, Session>();
  readonly ledger: AuthorshipLedger;
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
  /** No automatic version before this time (set after one failed). */
  versionRetryAt = 0;
  /** Set when the room's memory may hold a change the database lost: no further changes. */
  isBroken = false;
  /** The workshop is archived: its text can only be read (learnt on load and when archived). */
  isArchived = false;
  /** "Amendments only": delegates' direct edits are refused (lib/domain/amendments.ts mayEditDirectly). */
  mode: EditingMode = "OPEN";
  /** The room's open amendments by key, for the typing path (amendment-revisions.ts). */
  readonly amendments: AmendmentCache;
  /**
   * Keys of the agreed paragraphs (lib/document/clauses.ts): no change may touch them. Replaced
   * whole, never mutated (RoomRegistry.setAgreedKeys), so a check can tell it went stale.
   */
  agreedKeys: ReadonlySet<string> = new Set();

  constructor(
    readonly proposalId: string,
    readonly workshopId: string,
    public state: ProposalState,
    stored: StoredDocument,
    private readonly deps: RoomDeps,
  ) {
    this.ledger = deps.ledger;
    this.amendments = new AmendmentCache(deps.loadAmendments);
    this.doc = new Y.Doc();
    // Checkpoint, then each row, in one transaction: cheaper than merging them into one update
    // first (a merge re-encodes the whole document only for it to be decoded again).
    timed("load-room", proposalId, () =>
      this.doc.transact(() => {
        if (stored.checkpoint) Y.applyUpdate(this.doc, stored.checkpoint);
        for (const row of stored.rows) Y.applyUpdate(this.doc, row);
      }),
    );
    this.awareness = new Awareness(this.doc);
    // The server is not a participant: no presence of its own.
    this.awareness.setLocalState(null);
    this.presence = new PresenceSizes(this.awareness);
    // States of another node's members that node stopped keeping (it died): gone for our tabs too.
    announceExpiry(this.awareness, (update) => this.broadcast("awareness:update", { proposalId, update }));
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

  /**
   * The one way a change enters the live document, from a tab or made by the server: checked
   * (`mayApply` runs when the change's turn comes, so a lock that arrived first applies),
   * authorship claimed, applied to the replica, sent to the room's members, and queued for the
   * journal — all in arrival order; relayed to the other nodes once stored. Resolves once the
   * change is in the database; a change refused before it applied leaves no trace anywhere.
   */
  async accept(update: Uint8Array, author: Author, opts: { mayApply?: () => void; isServerChange?: boolean } = {}): Promise<void> {
    const { journal } = this.deps;
    const { written } = await this.serialize(async () => {
      if (this.isBroken) throw new AppError("UNAVAILABLE");
      opts.mayApply?.();
      // Memory is what bounds a storage outage: past it, changes wait in their senders' tabs.
      if (!journal.canAccept(update.byteLength)) throw new AppError("UNAVAILABLE");
      const { insertingClients } = timed("inspect-update", this.proposalId, () => inspectUpdate(update, (client) => Y.getState(this.doc.store, client)));
      // Checked once the update is known to be well-formed and complete, before anything is recorded.
      const checkedAgreed = this.agreedKeys;
      this.refuseAgreed(update, checkedAgreed);
      for (const client of insertingClients) {
        const owner = this.ledger.ownerOf(client);
        if (owner !== undefined && owner !== author.userId) throw new AppError("FOREIGN_CLIENT");
      }
      const fresh = this.ledger.checkNewIds(insertingClients);
      const claimed = await this.ledger.claim(fresh, author, { now: Date.now(), isServerChange: opts.isServerChange });
      for (const c of claimed) author.session?.clientIds.add(c);
      // Again after the ledger's await: a lock or vote that came meanwhile stops this change.
      opts.mayApply?.();
      // So does a paragraph agreed meanwhile (the set is replaced, never changed in place).
      if (this.agreedKeys !== checkedAgreed) this.refuseAgreed(update, this.agreedKeys);
      // Out to this node's members at once; to the other nodes only once stored (below).
      this.integrate(update, { origin: author.originSocketId, isFromThisNode: true, relay: false });
      this.noteEdit(author.delegationId, Date.now());
      // Queued now, inside the turn, so the journal keeps the order in which changes applied.
      const entry = journal.append({
        proposalId: this.proposalId,
        update,
        userId: author.userId,
        delegationId: author.delegationId,
        // The update's own writer (null when it carries several, e.g. a catch-up merge).
        clientId: insertingClients.size === 1 ? [...insertingClients][0]! : null,
      });
      // Wrapped: the queue must not wait for the write, only this change's sender does.
      return { written: entry };
    });
    try {
      await written;
    } catch {
      // Given up by the journal (see JournalWriter): the sender keeps the change and resends it.
      throw new AppError("UNAVAILABLE");
    }
    // Other nodes are sent only what is durable: a replica elsewhere never holds text the
    // database may still refuse (a lock or vote this node heard of late), and whatever a relay
    // lost (Redis down) the database has, for the re-sync (RoomRegistry.resync).
    this.deps.cluster.relayDoc(this.proposalId, update);
  }

  /** Refuses an update that would change an agreed paragraph (cost: the update's size, clause-guard.ts). */
  private refuseAgreed(update: Uint8Array, agreed: ReadonlySet<string>): void {
    if (agreed.size === 0) return;
    const touched = timed("check-agreed", this.proposalId, () => touchedUnitKeys(this.doc, update, agreed));
    if (touched.size > 0) throw new AppError("PARAGRAPH_AGREED");
  }

  /**
   * The tail every change shares, once it is accepted (here or, relayed, by another node): into
   * the replica, out to this node's members but its origin, and — when accepted here and already
   * stored (`relay` not false) — to the other nodes, which integrate it the same way.
   */
  integrate(update: Uint8Array, opts: { origin: string | null; isFromThisNode: boolean; relay?: boolean }): void {
    timed("apply-update", this.proposalId, () => {
      try {
        Y.applyUpdate(this.doc, update, opts.origin ?? (opts.isFromThisNode ? "server" : "relay"));
      } catch {
        throw new AppError("MALFORMED_UPDATE");
      }
    });
    timed("relay-update", this.proposalId, () => this.broadcast("doc:update", { proposalId: this.proposalId, update }, opts.origin));
    if (opts.isFromThisNode && opts.relay !== false) this.deps.cluster.relayDoc(this.proposalId, update);
  }

  /**
   * Whether an incoming presence update only renews states the room already holds unchanged
   * (a tab's Awareness renews its clock every 15 s; tabs no longer send that, older ones may).
   */
  isPresenceRenewal(states: ReadonlyMap<number, string | null>): boolean {
    const held = this.awareness.getStates();
    for (const [clientId, json] of states) {
      const current = held.get(clientId);
      if (json === null || current === undefined || JSON.stringify(current) !== json) return false;
    }
    return states.size > 0;
  }

  /**
   * Takes what a stored copy of the document has and this replica lacks (by state vector; sent
   * to this node's members, not relayed: every node reads the same database). Returns whether
   * the replica holds anything the stored copy does not. Call in the room's turn.
   */
  takeStored(stored: Y.Doc): { holdsMore: boolean } {
    const missing = Y.encodeStateAsUpdate(stored, Y.encodeStateVector(this.doc));
    const { structs, ds } = Y.decodeUpdate(missing);
    if (structs.length > 0 || ds.clients.size > 0) this.integrate(missing, { origin: null, isFromThisNode: false });
    const storedClocks = Y.decodeStateVector(Y.encodeStateVector(stored));
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      if ((storedClocks.get(client) ?? 0) < clock) return { holdsMore: true };
    }
    return { holdsMore: false };
  }

  noteEdit(delegationId: string | null, now: number): void {
    this.firstUnversionedEditAt ??= now;
    this.lastEditAt = now;
    if (delegationId) this.editors.add(delegationId);
  }

  /** A version now covers everything edited so far: the next automatic one starts afresh. */
  noteVersionCut(coveredEditors: ReadonlySet<string>): void {
    for (const e of coveredEditors) this.editors.delete(e);
    this.firstUnversionedEditAt = null;
  }

  /**
   * A Yjs or awareness update to this node's members of the room (all but `exceptSocketId`).
   * Members on other nodes get it from their own node, which applies the relay and calls this.
   */
  broadcast<E extends BinaryEvent>(event: E, payload: BinaryPayload<E>, exceptSocketId: string | null = null): FanOutCount {
    return fanOut(this.sessions.values(), exceptSocketId, event, payload);
  }

  /**
   * Amendments this node changed ahead of the database (a revision on its way to be stored):
   * into the cache, out to this node's members but the sender (one pre-encoded frame), and to
   * the other nodes, which do the same for theirs.
   */
  shareAmendments(amendments: AmendmentView[], exceptSocketId: string | null): void {
    this.amendments.update(amendments);
    timed("relay-amendments", this.proposalId, () => this.broadcast("amendment:changed", { proposalId: this.proposalId, amendments }, exceptSocketId));
    this.deps.cluster.relayAmendments(this.proposalId, amendments, { deliver: true });
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
