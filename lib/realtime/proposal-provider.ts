// Binds one proposal's Y.Doc and awareness to the tab's socket.io connection. Used by the
// browser editor, the integration tests and the load generator alike, so all three speak
// exactly the same protocol.
import * as Y from "yjs";
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type { Socket } from "socket.io-client";
import {
  isEmptyUpdate,
  toUint8Array,
  type ClientToServerEvents,
  type EditRight,
  type Participant,
  type ProposalStateName,
  type ProtocolError,
  type ServerToClientEvents,
} from "../protocol.ts";

export type ProviderSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What the save indicator shows. */
export type SaveStatus = "connecting" | "saving" | "saved" | "offline";

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
const RETRY_MS: Partial<Record<string, number>> = { UNAVAILABLE: 1000, MISSING_DEPENDENCIES: 250, RATE_LIMITED: 1000 };

/** An update not acknowledged in this time is resent through a fresh sync. */
const ACK_TIMEOUT_MS = 15_000;

type Events = {
  change: () => void;
  refused: (error: ProtocolError) => void;
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

  private readonly socket: ProviderSocket;
  private readonly proposalId: string;
  private pendingAcks = 0;
  private isSynced = false;
  // Local changes made while they could not be sent (offline, before sync, ack lost).
  private hasUnsentChanges = false;
  private isDestroyed = false;
  private awarenessTimer: ReturnType<typeof setTimeout> | null = null;
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
    if (socket.connected) this.onConnect();
  }

  get status(): SaveStatus {
    if (!this.socket.connected) return this.self ? "offline" : "connecting";
    if (!this.isSynced) return this.self && this.hasUnsentChanges ? "saving" : "connecting";
    return this.pendingAcks > 0 || this.hasUnsentChanges ? "saving" : "saved";
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

  destroy(): void {
    if (this.isDestroyed) return;
    this.isDestroyed = true;
    if (this.awarenessTimer) clearTimeout(this.awarenessTimer);
    removeAwarenessStates(this.awareness, [this.doc.clientID], "destroy");
    if (this.socket.connected) this.socket.emit("room:leave", { proposalId: this.proposalId }, () => {});
    this.socket.off("connect", this.onConnect);
    this.socket.off("disconnect", this.onDisconnect);
    this.socket.off("doc:update", this.onRemoteUpdate);
    this.socket.off("awareness:update", this.onRemoteAwareness);
    this.socket.off("room:state", this.onRoomState);
    this.doc.off("update", this.onLocalUpdate);
    this.awareness.off("update", this.onAwarenessChange);
    this.awareness.destroy();
  }

  private emit<K extends keyof Events>(event: K, ...args: Parameters<Events[K]>): void {
    for (const fn of this.listeners[event]) (fn as (...a: Parameters<Events[K]>) => void)(...args);
  }

  private readonly onConnect = (): void => {
    this.isSynced = false;
    this.pendingAcks = 0;
    this.emit("change");
    this.socket.emit("room:join", { proposalId: this.proposalId, clientId: this.doc.clientID }, (res) => {
      if (this.isDestroyed) return;
      if (!res.ok) {
        this.lastError = res.error;
        this.edit = { canEdit: false, reason: res.error.message };
        this.emit("change");
        return;
      }
      this.self = res.self;
      this.state = res.state;
      this.edit = res.edit;
      applyAwarenessUpdate(this.awareness, toUint8Array(res.awareness), REMOTE_ORIGIN);
      this.sync();
    });
  };

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
      // Only after changes that could not go out live: the catch-up carries the whole delete
      // set, which need not travel on every reconnect.
      if (this.hasUnsentChanges && this.edit.canEdit) {
        const missing = ownChangesMissingFrom(this.doc, toUint8Array(res.stateVector));
        if (!isEmptyUpdate(missing)) this.send(missing);
      }
      this.hasUnsentChanges = false;
      this.sendAwareness();
      this.emit("synced");
      this.emit("change");
    });
  }

  private send(update: Uint8Array): void {
    this.pendingAcks++;
    this.emit("change");
    this.socket.timeout(ACK_TIMEOUT_MS).emit("doc:update", { proposalId: this.proposalId, update }, (err, res) => {
      if (this.isDestroyed) return;
      if (err) {
        // No answer: the connection is probably gone; the sync on reconnect resends it.
        this.hasUnsentChanges = true;
        if (this.socket.connected) this.sync();
        this.pendingAcks = Math.max(0, this.pendingAcks - 1);
        this.emit("change");
        return;
      }
      this.pendingAcks = Math.max(0, this.pendingAcks - 1);
      if (!res.ok) {
        this.lastError = res.error;
        // A storage hiccup: the server kept the change in memory; resync soon so it is journaled.
        const retryIn = RETRY_MS[res.error.code];
        if (retryIn !== undefined) {
          this.hasUnsentChanges = true;
          setTimeout(() => this.socket.connected && !this.isDestroyed && this.sync(), retryIn);
        } else {
          this.emit("refused", res.error);
        }
      }
      this.emit("change");
    });
  }

  private readonly onLocalUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === REMOTE_ORIGIN) return;
    // Not sendable now (offline, before sync, or editing closed): kept for the next sync.
    if (!this.isSynced || !this.socket.connected || !this.edit.canEdit) {
      this.hasUnsentChanges = true;
      this.emit("change");
      return;
    }
    this.send(update);
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

  private readonly onDisconnect = (): void => {
    this.isSynced = false;
    // Changes still waiting for their acknowledgement may not be durable: resend on reconnect.
    if (this.pendingAcks > 0) this.hasUnsentChanges = true;
    this.pendingAcks = 0;
    // Others' carets are stale until we are back.
    const others = [...this.awareness.getStates().keys()].filter((id) => id !== this.doc.clientID);
    removeAwarenessStates(this.awareness, others, REMOTE_ORIGIN);
    this.emit("change");
  };

  private readonly onAwarenessChange = (_changes: unknown, origin: unknown): void => {
    if (origin !== "local") {
      this.emit("change");
      return;
    }
    if (this.awarenessTimer) return;
    this.awarenessTimer = setTimeout(() => {
      this.awarenessTimer = null;
      this.sendAwareness();
    }, AWARENESS_THROTTLE_MS);
  };

  private sendAwareness(): void {
    if (!this.socket.connected || !this.isSynced || this.awareness.getLocalState() === null) return;
    const update = encodeAwarenessUpdate(this.awareness, [this.doc.clientID]);
    this.socket.emit("awareness:update", { proposalId: this.proposalId, update }, () => {});
  }
}
