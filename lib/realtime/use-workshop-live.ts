"use client";
// The workshop's live board (agenda, votes, speaking queue) for every component of a tab: one
// store per workshop on the tab's one socket, so the agenda, the vote panel, the queue and the
// notifications share one join, one snapshot and one diff (a notice is raised once, not once
// per component). The store outlives page changes within the tab: toasts and the "previous
// snapshot" survive a client-side navigation from the workshop page to a proposal and back.
import { useCallback, useSyncExternalStore } from "react";
import { WorkshopPresenceSchema, type WorkshopAck, type WorkshopLive, type WorkshopPresence } from "../protocol.ts";
import type { ProviderSocket } from "./proposal-provider.ts";
import { useSocket } from "./use-socket.ts";
import { NO_ACCESS_MESSAGE, SIGNED_OUT_MESSAGE, type LiveAccess } from "./access-words.ts";
import { onSignedOutRefusal } from "./socket-refusal.ts";

export type LiveNotice = { id: number; text: string; at: number; isDismissed: boolean };
export type LiveStatus = "connecting" | "live" | "offline";

type Snapshot = {
  live: WorkshopLive | null;
  /** Server clock minus this tab's clock, for timers computed from server timestamps. */
  offsetMs: number;
  status: LiveStatus;
  error: string | null;
  notices: LiveNotice[];
  unread: number;
  /** Removed from the workshop or signed out while the page was open (see access-words.ts). */
  access: LiveAccess;
  /** Counts changes to this member's seat (role, delegation) while the page was open. */
  seatChanges: number;
  /** Which delegations are present now; null until the server has said, and while offline. */
  presence: WorkshopPresence | null;
};

/** Enough for a session's worth of "what just happened" without growing without bound. */
const MAX_NOTICES = 30;
/**
 * Moving from the workshop page to a proposal unmounts one page's readers before the next
 * page's mount: wait a moment before leaving the socket alone, so a page change is not a rejoin.
 */
const DETACH_GRACE_MS = 5_000;

/** What changed between two boards that people should be told about, in words. Pure. */
export function noticesBetween(prev: WorkshopLive | null, next: WorkshopLive): string[] {
  // The first snapshot is the state of things, not news.
  if (!prev) return [];
  const title = (id: string) => next.proposals.find((p) => p.id === id)?.title ?? "an item";
  const out: string[] = [];
  if (next.workshop.archivedAt && !prev.workshop.archivedAt) out.push("The workshop has been archived: it can be read, not changed.");
  if (next.currentProposalId && next.currentProposalId !== prev.currentProposalId) out.push(`Now on the floor: ${title(next.currentProposalId)}`);
  for (const round of next.rounds) {
    const before = prev.rounds.find((r) => r.id === round.id);
    if (round.status === "OPEN" && !before) out.push(`Vote opened on ${title(round.proposalId)}`);
    // A round seen only once it was already over (e.g. opened and closed while away) still counts.
    const wasOpen = !before || before.status === "OPEN";
    if (wasOpen && round.status === "CLOSED") out.push(`${title(round.proposalId)}: ${round.tally?.isAdopted ? "adopted" : "not adopted"}`);
    if (wasOpen && before && round.status === "CANCELLED") out.push(`Vote cancelled on ${title(round.proposalId)}`);
  }
  return out;
}

/**
 * What on the board comes with a stored notification (server/services/notifications): the item
 * on the floor, each proposal's state (lock, unlock, votes) and latest restore, each round's
 * status. Ballots, presence, the speaking queue and edited titles change the board but notify
 * nobody, so a page re-reads its notifications only when this key changes. Pure.
 */
export function notifiedKey(live: WorkshopLive | null): string | null {
  if (!live) return null;
  const proposals = live.proposals.map((p) => `${p.id}:${p.state}:${p.lastRestore?.to ?? ""}`);
  const rounds = live.rounds.map((r) => `${r.id}:${r.status}`);
  return [live.currentProposalId ?? "", ...proposals, ...rounds].join("|");
}

type Store = {
  snapshot: Snapshot;
  listeners: Set<() => void>;
  detach: (() => void) | null;
  detachTimer: ReturnType<typeof setTimeout> | null;
  nextNoticeId: number;
};

const stores = new Map<string, Store>();
const EMPTY: Snapshot = { live: null, offsetMs: 0, status: "connecting", error: null, notices: [], unread: 0, access: "member", seatChanges: 0, presence: null };

function storeOf(workshopId: string): Store {
  let s = stores.get(workshopId);
  if (!s) {
    s = { snapshot: EMPTY, listeners: new Set(), detach: null, detachTimer: null, nextNoticeId: 1 };
    stores.set(workshopId, s);
  }
  return s;
}

function update(store: Store, patch: Partial<Snapshot>): void {
  store.snapshot = { ...store.snapshot, ...patch };
  for (const l of store.listeners) l();
}

function receive(store: Store, next: WorkshopLive): void {
  const prev = store.snapshot.live;
  // Snapshots can cross on the wire (a join's answer and a push): never go back in time.
  if (prev && Date.parse(next.serverTime) < Date.parse(prev.serverTime)) return;
  const now = Date.now();
  const fresh = noticesBetween(prev, next).map((text) => ({ id: store.nextNoticeId++, text, at: now, isDismissed: false }));
  update(store, {
    live: next,
    offsetMs: Date.parse(next.serverTime) - now,
    status: "live",
    error: null,
    access: "member",
    notices: fresh.length ? [...fresh.reverse(), ...store.snapshot.notices].slice(0, MAX_NOTICES) : store.snapshot.notices,
    unread: store.snapshot.unread + fresh.length,
  });
}

function attach(store: Store, socket: ProviderSocket, workshopId: string): () => void {
  // Only the latest join's answer counts: an access change sends a second one.
  let joins = 0;
  const join = (afterAccessChange = false) => {
    const n = ++joins;
    socket.emit("workshop:join", { workshopId }, (res: WorkshopAck) => {
      if (n !== joins || store.snapshot.access === "signed-out") return;
      if (res.ok) {
        if (afterAccessChange) update(store, { seatChanges: store.snapshot.seatChanges + 1 });
        return receive(store, res.live);
      }
      // Refused after having been in: the chair removed this member.
      const isRemoved = res.error.code === "NOT_FOUND" && store.snapshot.live !== null;
      update(store, { status: "offline", error: isRemoved ? NO_ACCESS_MESSAGE : res.error.message, access: isRemoved ? "removed" : store.snapshot.access });
    });
  };
  const onLive = (live: WorkshopLive) => {
    if (live.workshopId === workshopId) receive(store, live);
  };
  // Validated: the browser trusts no message's shape. Messages from different nodes can cross: the newest wins.
  const onPresence = (raw: unknown) => {
    const parsed = WorkshopPresenceSchema.safeParse(raw);
    if (!parsed.success || parsed.data.workshopId !== workshopId) return;
    const prev = store.snapshot.presence;
    if (!prev || parsed.data.asOf >= prev.asOf) update(store, { presence: parsed.data });
  };
  // Offline, attendance is unknown: better no answer than a stale one.
  const onDisconnect = () => update(store, { status: "offline", presence: null });
  const signedOut = () => update(store, { status: "offline", error: SIGNED_OUT_MESSAGE, access: "signed-out" });
  // Role, delegation or membership changed: join again (a removed member is refused).
  const onAccess = ({ workshopId: changed }: { workshopId: string | null }) => {
    if (changed === null) signedOut();
    else if (changed === workshopId && socket.connected) join(true);
  };
  socket.on("access:changed", onAccess);
  socket.on("workshop:live", onLive);
  socket.on("workshop:presence", onPresence);
  // "connect" fires again after every reconnect: the server forgot our rooms, so join again.
  socket.on("connect", join);
  socket.on("disconnect", onDisconnect);
  // A refusal heard before this board listened counts too (the connection starts before the page hydrates).
  const stopRefusals = onSignedOutRefusal(socket, signedOut);
  if (socket.connected) join();
  return () => {
    socket.off("workshop:live", onLive);
    socket.off("workshop:presence", onPresence);
    // Not listening any more: what it says about attendance goes stale at once.
    store.snapshot = { ...store.snapshot, presence: null };
    socket.off("access:changed", onAccess);
    stopRefusals();
    socket.off("connect", join);
    socket.off("disconnect", onDisconnect);
  };
}

function subscribe(store: Store, socket: ProviderSocket | null, workshopId: string, listener: () => void): () => void {
  store.listeners.add(listener);
  if (store.detachTimer) clearTimeout(store.detachTimer);
  store.detachTimer = null;
  if (socket && !store.detach) store.detach = attach(store, socket, workshopId);
  return () => {
    store.listeners.delete(listener);
    if (store.listeners.size > 0 || store.detachTimer) return;
    // Last reader gone (workshop left): stop listening, but keep the snapshot and the notices.
    store.detachTimer = setTimeout(() => {
      store.detachTimer = null;
      if (store.listeners.size > 0) return;
      store.detach?.();
      store.detach = null;
    }, DETACH_GRACE_MS);
  };
}

export type WorkshopLiveHandle = Snapshot & {
  dismiss: (id: number) => void;
  markRead: () => void;
};

/**
 * The live board of `workshopId`. `initial` is the server-rendered board: it stands in until
 * the socket's first snapshot, so the page is complete before any JavaScript runs.
 */
export function useWorkshopLive(workshopId: string, initial: WorkshopLive | null = null): WorkshopLiveHandle {
  const socket = useSocket();
  const store = storeOf(workshopId);
  // Stable, or React would unsubscribe and resubscribe on every render.
  const sub = useCallback((listener: () => void) => subscribe(store, socket, workshopId, listener), [store, socket, workshopId]);
  const snapshot = useSyncExternalStore(sub, () => store.snapshot, () => EMPTY);
  return {
    ...snapshot,
    live: newer(snapshot.live, initial),
    dismiss: (id) => update(store, { notices: store.snapshot.notices.map((n) => (n.id === id ? { ...n, isDismissed: true } : n)) }),
    markRead: () => update(store, { unread: 0 }),
  };
}

/** The store may hold a board from before the tab left the workshop: a fresher page render wins. */
function newer(a: WorkshopLive | null, b: WorkshopLive | null): WorkshopLive | null {
  if (!a || !b) return a ?? b;
  return Date.parse(b.serverTime) > Date.parse(a.serverTime) ? b : a;
}

/** The server's "now" as this tab best knows it. */
export function serverNow(offsetMs: number): number {
  return Date.now() + offsetMs;
}
