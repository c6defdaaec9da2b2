// Binds one proposal's Y.Doc and awareness to the tab's socket.io connection. Used by the
// browser editor, the integration tests and the load generator alike, so all three speak
// exactly the same protocol.
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type { Socket } from "socket.io-client";
import {
  PROTOCOL_VERSION,
  isEmptyUpdate,
  toUint8Array,
  type ClientToServerEvents,
  type EditRight,
  type Participant,
  type ProposalStateName,
  type ProtocolError,
  type ServerToClientEvents,
} from "../protocol.ts";
import { Annotations } from "./annotations.ts";
import { forgetClocks, markPresent } from "./presence-clocks.ts";
import { awarenessClientIds } from "./awareness-entries.ts";
import { onSignedOutRefusal } from "./socket-refusal.ts";
import { DraftingState } from "./drafting-state.ts";
import type { AckOf, AmendmentView, BracketView, ClauseView, ClientEventName, ClientPayload, ReadingView, ThreadView } from "../protocol.ts";
import type { EditingMode } from "../domain/vocabulary.ts";
import { NO_ACCESS_MESSAGE, SIGNED_OUT_MESSAGE, type LiveAccess } from "./access-words.ts";

export type ProviderSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * What the save indicator shows. "retrying": changes wait for an acknowledgement that is late
 * or was refused for a reason that passes (the server could not store them yet); they are kept
 * and resent.
 */
export type SaveStatus = "connecting" | "saving" | "retrying" | "saved" | "offline";

// Marks changes that came from the server, so they are not sent back.
export const REMOTE_ORIGIN = Symbol("remote");

/** Cursor moves are frequent; one awareness message per this interval is plenty for carets. */
export const AWARENESS_THROTTLE_MS = 50;
/**
 * Refusals that are not about the change itself: the server could not store it (UNAVAILABLE),
 * the client sent too fast (RATE_LIMITED),
 * or it builds on text the server has not received yet (another node's relay still on the
 * way). The change is resent through a fresh sync after this long.
 */
const RETRY_MS: Partial<Record<string, number>> = { UNAVAILABLE: 1000, STORAGE_UNAVAILABLE: 1000, MISSING_DEPENDENCIES: 250, RATE_LIMITED: 1000 };
/** Refusals of the whole room that pass: joining is tried again after this long. */
const JOIN_RETRY_MS: Partial<Record<string, number>> = { UNAVAILABLE: 2000, STORAGE_UNAVAILABLE: 2000 };
/**
 * The server dropped this tab from the room (its access changed meanwhile): the change is kept
 * and the tab joins again after this long; the join says whether it may still edit.
 */
const REJOIN_MS = 100;

/** An update not acknowledged in this time is resent through a fresh sync. */
const ACK_TIMEOUT_MS = 15_000;
/**
 * Acknowledgements normally take tens of milliseconds (one group commit). One outstanding this
 * long means the server is waiting for its database: the editor says "Not saved — retrying".
 */
export const LATE_ACK_MS = 3000;
/** Unacknowledged changes are folded into one once there are this many (a long outage). */
const MAX_KEPT_CHANGES = 64;
/** An amendment, comment or mode request not answered in this time is reported as unavailable. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The room's requests answered with a plain result (not the document's own sync traffic). */
export type RequestEvent = Exclude<ClientEventName, "room:join" | "room:leave" | "doc:sync" | "doc:update" | "awareness:update" | "workshop:join">;
/** A request's payload; the provider fills in its own proposalId. */
export type RequestPayload<E extends RequestEvent> = Omit<ClientPayload<E>, "proposalId"> & { proposalId?: string };

/** A local change the server has not yet confirmed as stored. */
type Unconfirmed = { update: Uint8Array; sentAt: number | null };

type Events = {
  change: () => void;
  /** `update`: the refused change itself (what was typed and is now dropped), for the notice. */
  refused: (error: ProtocolError, update: Uint8Array) => void;
  synced: () => void;
};

/**
 * This tab's own changes that the server (at `serverStateVector`) lacks. Changes by others are
 * left out: the server only accepts structs from the sender's own Yjs client ids (authorship
 * cannot be forged), and their authors resend their own unacknowledged changes anyway.
 * Deletions travel in full: they carry no authorship.
 */
export function ownChangesMissingFrom(doc: Y.Doc, serverStateVector: Uint8Array): Uint8Array {
  const target = Y.decodeStateVector(Y.encodeStateVector(doc));
  target.set(doc.clientID, Y.decodeStateVector(serverStateVector).get(doc.clientID) ?? 0);
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(target));
}

export class ProposalProvider {
  readonly doc: Y.Doc;
  readonly awareness: Awareness;
  self: Participant | null = null;
  state: ProposalStateName | null = null;
  edit: EditRight = { canEdit: false, reason: "Connecting…" };
  lastError: ProtocolError | null = null;
  /** How the server last described this tab's access (removed, signed out), for a notice. */
  access: LiveAccess = "member";
  /** Counts changes of this member's role or delegation seen on re-joining (the page may refresh). */
  seatChanges = 0;
  /** Amendments, comment threads and the editing mode, kept current by the room's events. */
  readonly annotations = new Annotations();
  /** Paragraph statuses, brackets and the reading, kept current by drafting:changed. */
  readonly drafting = new DraftingState();

  private readonly socket: ProviderSocket;
  private readonly proposalId: string;
  /**
   * Every local change not yet acknowledged as durable, oldest first. Kept until its own ack:
   * after a refusal that passes, a lost connection or a server restart they are resent (the
   * server applies what it already has as a no-op and stores it again).
   */
  private unconfirmed: Unconfirmed[] = [];
  /** A refusal that passes was the last word on a change: say "retrying" until one is confirmed. */
  private isRetrying = false;
  private isSynced = false;
  // A document handed in may hold changes made before this provider existed.
  private hasUnsentChanges = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private isDestroyed = false;
  /** Counts joins: only the latest one's answer counts (an access change may send a second). */
  private joins = 0;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
  /** This tab's presence as last sent (JSON): y-protocols' 15 s renewal of it is not sent again. */
  private sentPresence: string | null = null;
  private readonly stopRefusals: () => void;
  private readonly listeners: { [K in keyof Events]: Set<Events[K]> } = { change: new Set(), refused: new Set(), synced: new Set() };

  constructor(socket: ProviderSocket, proposalId: string, opts: { doc?: Y.Doc } = {}) {
    this.socket = socket;
    this.proposalId = proposalId;
    this.doc = opts.doc ?? new Y.Doc();
    // A document handed in (e.g. kept across a server restart) may hold changes never sent.
    this.hasUnsentChanges = opts.doc !== undefined;
    this.awareness = new Awareness(this.doc);
    // A fresh awareness state has clock 0, which peers ignore; re-set it so this tab is
    // present even before it moves a caret (the server stamps who it is).
    this.awareness.setLocalState({ ...this.awareness.getLocalState() });
    this.doc.on("update", this.onLocalUpdate);
    this.awareness.on("update", this.onAwarenessChange);
    socket.on("connect", this.onConnect);
    socket.on("disconnect", this.onDisconnect);
    socket.on("doc:update", this.onRemoteUpdate);
    socket.on("awareness:update", this.onRemoteAwareness);
    socket.on("room:state", this.onRoomState);
    socket.on("room:reset", this.onRoomReset);
    socket.on("access:changed", this.onAccessChanged);
    // A refusal heard before this provider existed counts too (the connection starts before the page hydrates).
    this.stopRefusals = onSignedOutRefusal(socket, () => this.signedOut());
    socket.on("proposal:mode", this.onMode);
    socket.on("amendment:changed", this.onAmendments);
    socket.on("comment:changed", this.onThread);
    socket.on("drafting:changed", this.onDrafting);
    if (socket.connected) this.onConnect();
  }

  get status(): SaveStatus {
    const hasUnsaved = this.unconfirmed.length > 0 || this.hasUnsentChanges;
    if (!this.socket.connected) return this.self ? "offline" : "connecting";
    if (!this.isSynced) return this.self && hasUnsaved ? (this.isRetrying ? "retrying" : "saving") : "connecting";
    if (!hasUnsaved) return "saved";
    const oldest = this.unconfirmed.find((u) => u.sentAt !== null)?.sentAt ?? null;
    const isLate = oldest !== null && performance.now() - oldest >= LATE_ACK_MS;
    return this.isRetrying || isLate ? "retrying" : "saving";
  }

  /** How many local changes await confirmation (for tests and diagnostics). */
  get unconfirmedCount(): number {
    return this.unconfirmed.length;
  }

  get synced(): boolean {
    return this.isSynced;
  }

  on<K extends keyof Events>(event: K, fn: Events[K]): () => void {
    this.listeners[event].add(fn);
    return () => this.listeners[event].delete(fn);
  }

  /** Resolves once the document has been synced with the server (now or after reconnecting). */
  whenSynced(): Promise<void> {
    if (this.isSynced) return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.on("synced", () => {
        off();
        resolve();
      });
    });
  }

  /**
   * Sends one request to the room and resolves with the server's answer; never rejects. Offline,
   * or no answer within REQUEST_TIMEOUT_MS: { ok: false, error: { code: "UNAVAILABLE" } }.
   */
  request<E extends RequestEvent>(event: E, payload: RequestPayload<E>): Promise<AckOf[E]> {
    const unavailable = (message: string) => ({ ok: false, error: { code: "UNAVAILABLE", message } }) as AckOf[E];
    if (this.isDestroyed || !this.socket.connected) return Promise.resolve(unavailable("Not connected to the server. Try again when the connection is back."));
    type Emit = { emit(event: E, payload: unknown, ack: (err: Error | null, res: AckOf[E]) => void): void };
    return new Promise((resolve) => {
      (this.socket.timeout(REQUEST_TIMEOUT_MS) as unknown as Emit).emit(event, { ...payload, proposalId: this.proposalId }, (err, res) =>
        resolve(err ? unavailable("The server did not answer in time. Try again.") : res),
      );
    });
  }

  /** Resolves once every local change so far is durable on the server. */
  whenSaved(): Promise<void> {
    if (this.status === "saved") return Promise.resolve();
    return new Promise((resolve) => {
      const off = this.on("change", () => {
        if (this.status === "saved") {
          off();
          resolve();
        }
      });
    });
  }

  /** This tab's changes the server has not confirmed yet (what a remount would drop). */
  unconfirmedChanges(): Uint8Array[] {
    return this.unconfirmed.map((c) => c.update);
  }

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    if (this.retryTimer) clearTimeout(this.retryTimer);
    removeAwarenessStates(this.awareness, [this.doc.clientID], "destroy");
    if (this.socket.connected) this.socket.emit("room:leave", { proposalId: this.proposalId }, () => {});
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("doc:update", this.onRemoteUpdate);
    this.socket.off("awareness:update", this.onRemoteAwareness);
    this.socket.off("room:state", this.onRoomState);
    this.socket.off("room:reset", this.onRoomReset);
    this.socket.off("access:changed", this.onAccessChanged);
    this.stopRefusals();
    this.socket.off("proposal:mode", this.onMode);
    this.socket.off("amendment:changed", this.onAmendments);
    this.socket.off("comment:changed", this.onThread);
    this.socket.off("drafting:changed", this.onDrafting);
    this.doc.off("update", this.onLocalUpdate);
    this.awareness.off("update", this.onAwarenessChange);
    this.awareness.destroy();
  }

  private emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    for (const fn of this.listeners[event]) (fn as (...a: Parameters<Events[K]>) => void)(...args);
  }

  private readonly onMode = ({ proposalId, mode }: { proposalId: string; mode: EditingMode }): void => {
    if (proposalId === this.proposalId) this.annotations.setMode(mode);
  };

  private readonly onAmendments = ({ proposalId, amendments }: { proposalId: string; amendments: AmendmentView[] }): void => {
    if (proposalId === this.proposalId) this.annotations.upsertAmendments(amendments);
  };

  private readonly onThread = ({ proposalId, thread }: { proposalId: string; thread: ThreadView }): void => {
    if (proposalId === this.proposalId) this.annotations.upsertThread(thread);
  };

  private readonly onDrafting = (change: { proposalId: string; clauses?: ClauseView[]; brackets?: BracketView[]; reading?: ReadingView | null }): void => {
    if (change.proposalId === this.proposalId) this.drafting.apply(change);
  };

  private readonly onConnect = (): void => {
    this.isSynced = false;
    this.markAllUnsent();
    this.emit("change");
    this.join();
  };

  private join(): void {
    const join = ++this.joins;
    this.socket.emit("room:join", { proposalId: this.proposalId, clientId: this.doc.clientID, protocol: PROTOCOL_VERSION }, (res) => {
      if (this.isDestroyed || join !== this.joins || this.access === "signed-out") return;
      if (!res.ok) {
        this.lastError = res.error;
        // Not found after having been in: the workshop's chair removed this member.
        const isRemoved = res.error.code === "NOT_FOUND" && this.self !== null;
        if (isRemoved) this.access = "removed";
        this.edit = { canEdit: false, reason: isRemoved ? NO_ACCESS_MESSAGE : res.error.message };
        this.emit("change");
        // The server could not record this tab yet (its database is busy): try again.
        const retryIn = JOIN_RETRY_MS[res.error.code];
        if (retryIn !== undefined) this.later(retryIn, () => this.join());
        return;
      }
      this.access = "member";
      const before = this.self;
      if (before && (before.role !== res.self.role || before.delegation?.id !== res.self.delegation?.id)) this.seatChanges++;
      this.self = res.self;
      this.state = res.state;
      this.edit = res.edit;
      this.annotations.reset(res.mode, res.amendments, res.threads);
      this.drafting.reset(res.drafting);
      // The answer holds everyone the room has now. Others' states are never expired here, so
      // anyone not in it left while this tab was not listening (the room reloaded, the access
      // re-check, a rejoin): dropped, or they would stay as ghosts. Someone on another node the
      // room has not heard of yet comes back with that node's next sweep (5 s).
      const awareness = toUint8Array(res.awareness);
      const inRoom = new Set(awarenessClientIds(awareness, { presentOnly: true }));
      const gone = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID && !inRoom.has(id));
      if (gone.length > 0) removeAwarenessStates(this.awareness, gone, REMOTE_ORIGIN);
      applyAwarenessUpdate(this.awareness, awareness, REMOTE_ORIGIN);
      this.sync();
    });
  }

  /** Sync step 1 → step 2 both ways: take what the server has, send what it lacks. */
  private sync(): void {
    this.socket.emit("doc:sync", { proposalId: this.proposalId, stateVector: Y.encodeStateVector(this.doc) }, (res) => {
      if (this.isDestroyed) return;
      if (!res.ok) {
        this.lastError = res.error;
        this.emit("change");
        return;
      }
      Y.applyUpdate(this.doc, toUint8Array(res.update), REMOTE_ORIGIN);
      // From here on local changes go out live; what was made before (offline) goes now.
      this.isSynced = true;
      if (this.edit.canEdit) {
        // A document handed in: whatever of its own the server lacks (the whole delete set
        // travels too, so only when there may be something to send).
        if (this.hasUnsentChanges) {
          const missing = ownChangesMissingFrom(this.doc, toUint8Array(res.stateVector));
          if (!isEmptyUpdate(missing)) this.unconfirmed.push({ update: missing, sentAt: null });
        }
        this.hasUnsentChanges = false;
        this.resendUnconfirmed();
      }
      // Sent whole on every join, at a new clock: the server and the others removed this tab's
      // presence when it left, and may still hold its last clock.
      const own = this.awareness.getLocalState();
      if (own) this.awareness.setLocalState({ ...own });
      this.sendAwareness({ force: true });
      this.emit("synced");
      this.emit("change");
    });
  }

  /** Everything unconfirmed and not in flight goes out again, as one update. */
  private resendUnconfirmed(): void {
    const waiting = this.unconfirmed.filter((u) => u.sentAt === null);
    if (waiting.length === 0) return;
    const merged: Unconfirmed = { update: waiting.length === 1 ? waiting[0]!.update : Y.mergeUpdates(waiting.map((u) => u.update)), sentAt: null };
    this.unconfirmed = [...this.unconfirmed.filter((u) => u.sentAt !== null), merged];
    this.send(merged);
  }

  private markAllUnsent(): void {
    for (const u of this.unconfirmed) u.sentAt = null;
  }

  private later(ms: number, run: () => void): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.socket.connected && !this.isDestroyed) run();
    }, ms);
  }

  private send(change: Unconfirmed): void {
    const sentAt = performance.now();
    change.sentAt = sentAt;
    this.emit("change");
    // Re-evaluate the status once the answer is late (the indicator then says "retrying").
    setTimeout(() => !this.isDestroyed && change.sentAt === sentAt && this.emit("change"), LATE_ACK_MS + 50);
    this.socket.timeout(ACK_TIMEOUT_MS).emit("doc:update", { proposalId: this.proposalId, update: change.update }, (err, res) => {
      // A resend superseded this send (the change went out again after a reconnect): ignore.
      if (this.isDestroyed || change.sentAt !== sentAt) return;
      if (err) {
        // No answer: the connection is probably gone; resend through a fresh sync.
        change.sentAt = null;
        this.isRetrying = true;
        if (this.socket.connected) this.sync();
        this.emit("change");
        return;
      }
      if (res.ok) {
        this.unconfirmed = this.unconfirmed.filter((u) => u !== change);
        this.isRetrying = false;
        this.emit("change");
        return;
      }
      this.lastError = res.error;
      const retryIn = RETRY_MS[res.error.code];
      if (res.error.code === "NOT_JOINED") {
        // Dropped from the room (access changed): kept, and resent if the new join may edit.
        change.sentAt = null;
        this.isRetrying = true;
        this.later(REJOIN_MS, () => this.join());
      } else if (retryIn !== undefined) {
        // The change itself is fine; the server could not take it now. Kept, and resent.
        change.sentAt = null;
        this.isRetrying = true;
        this.later(retryIn, () => this.sync());
      } else {
        // The server will never take this change: it leaves the unconfirmed list, and the
        // editor drops the local document holding it (see use-proposal-provider.ts).
        this.unconfirmed = this.unconfirmed.filter((u) => u !== change);
        this.emit("refused", res.error, change.update);
      }
      this.emit("change");
    });
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN) return;
    const change: Unconfirmed = { update, sentAt: null };
    this.unconfirmed.push(change);
    // A long outage: fold what waits into one change, so memory stays small.
    if (this.unconfirmed.length > MAX_KEPT_CHANGES) {
      const waiting = this.unconfirmed.filter((u) => u.sentAt === null);
      if (waiting.length > 1) this.unconfirmed = [...this.unconfirmed.filter((u) => u.sentAt !== null), { update: Y.mergeUpdates(waiting.map((u) => u.update)), sentAt: null }];
    }
    // Not sendable now (offline, before sync, or editing closed), or earlier changes wait for
    // a resend that is already due (this one may build on them): kept for the next sync.
    const isBehindOthers = this.unconfirmed.some((u) => u.sentAt === null && u !== this.unconfirmed.at(-1));
    if (!this.isSynced || !this.socket.connected || !this.edit.canEdit || isBehindOthers) {
      this.emit("change");
      return;
    }
    this.send(this.unconfirmed.at(-1)!);
  };

  private readonly onRemoteUpdate: ServerToClientEvents["doc:update"] = (payload) => {
    if (payload.proposalId !== this.proposalId) return;
    Y.applyUpdate(this.doc, toUint8Array(payload.update), REMOTE_ORIGIN);
  };

  private readonly onRemoteAwareness: ServerToClientEvents["awareness:update"] = (payload) => {
    if (payload.proposalId !== this.proposalId) return;
    applyAwarenessUpdate(this.awareness, toUint8Array(payload.update), REMOTE_ORIGIN);
  };

  private readonly onRoomState: ServerToClientEvents["room:state"] = (payload) => {
    if (payload.proposalId !== this.proposalId) return;
    const couldEdit = this.edit.canEdit;
    this.state = payload.state;
    this.edit = payload.edit;
    // Drafting reopened: send anything written before the lock that the server lacks.
    if (!couldEdit && payload.edit.canEdit && this.socket.connected) this.sync();
    this.emit("change");
  };

  /** The server reloaded the room from its database: join again and resend what is unconfirmed. */
  private readonly onRoomReset = (payload: { proposalId: string }): void => {
    if (payload.proposalId !== this.proposalId || !this.socket.connected) return;
    this.onConnect();
  };

  /**
   * What this user may do changed. A workshop: join again — the answer carries the new edit
   * right, or refuses a removed member. No workshop: every session of theirs ended.
   */
  private readonly onAccessChanged: ServerToClientEvents["access:changed"] = ({ workshopId }) => {
    if (workshopId === null) return this.signedOut();
    if (this.socket.connected && this.access !== "signed-out") this.join();
  };

  /** Signed out: refused a connection for want of a valid session, or every session of this user ended. */
  private signedOut(): void {
    this.access = "signed-out";
    this.edit = { canEdit: false, reason: SIGNED_OUT_MESSAGE };
    this.emit("change");
  }

  private readonly onDisconnect = (): void => {
    this.isSynced = false;
    // Changes still waiting for their acknowledgement may not be durable: resend on reconnect.
    this.markAllUnsent();
    // Others' carets are stale until we are back.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, REMOTE_ORIGIN);
    this.emit("change");
  };

  private readonly onAwarenessChange = (changes: { removed: number[] }, origin: unknown): void => {
    if (origin !== "local") {
      forgetClocks(this.awareness, changes.removed);
      // Someone announced this tab gone — a connection of ours the server noticed dead only after
      // we were back on a new one (possibly on another node). y-protocols keeps our state and
      // moves its clock past the removal; saying so at once is what brings us back for everyone
      // (nothing renews presence any more, so an idle delegate would otherwise stay missing).
      if (changes.removed.includes(this.doc.clientID)) this.sendAwareness({ force: true });
      this.emit("change");
      return;
    }
    // Presence stays while connected (the server announces every departure; the socket's loss
    // clears them all, onDisconnect), so nobody renews: others' states are kept current here
    // instead of expiring after y-protocols' 30 s. Local updates come at least every 15 s (its
    // own renewal), so none gets near that age.
    markPresent(this.awareness, this.awareness.states.keys(), Date.now());
    if (this.awarenessTimer) return;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null;
      this.sendAwareness();
    }, AWARENESS_THROTTLE_MS);
  };

  private sendAwareness(opts: { force?: boolean } = {}): void {
    const state = this.awareness.getLocalState();
    if (!this.socket.connected || !this.isSynced || state === null) return;
    const json = JSON.stringify(state);
    // Unchanged since it was sent (a renewal): the server keeps it while this socket is in the room.
    if (!opts.force && json === this.sentPresence) return;
    this.sentPresence = json;
    const update = encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    this.socket.emit("awareness:update", { proposalId: this.proposalId, update }, (res) => {
      // Refused (too many updates from this person, a full room…): not counted as sent, so the
      // next renewal (y-protocols', every 15 s) tries again instead of leaving this tab unseen.
      if (!res.ok && this.sentPresence === json) this.sentPresence = null;
    });
  }
}
