// Every socket event: validated against the shared protocol, authorized against the access
// table, answered with a named error. Nothing a client sends can throw past this layer.
import * as Y from "yjs";
import { applyAwarenessUpdate, encodeAwarenessUpdate, removeAwarenessStates } from "y-protocols/awareness";
import type { Server, Socket } from "socket.io";
import type { Db } from "../../lib/db.ts";
import { decide } from "../../lib/domain/access.ts";
import { editRight } from "../../lib/domain/edit-right.ts";
import { AppError, toClientError } from "../../lib/errors.ts";
import { ClientEvents, PROTOCOL_VERSION, isEmptyUpdate } from "../../lib/protocol.ts";
import { AMENDMENTS_ONLY_MESSAGE, mayEditDirectly } from "../../lib/domain/amendments.ts";
import { listAmendmentViews } from "../services/amendments/amendment-views.ts";
import { listVisibleThreads } from "../services/comments/thread-views.ts";
import { accessSettled, isRechecking, joinedRoom, on, state } from "./socket-events.ts";
import { authorize, findMembership } from "../services/authorize.ts";
import { loadParticipant } from "../services/people/load-participant.ts";
import { stampAwareness } from "./awareness-stamp.ts";
import { removalOf } from "./presence-keeping.ts";
import { MAX_CLIENT_IDS_PER_SESSION, PresenceRate } from "./presence-limits.ts";
import { getWorkshopLive } from "../services/workshop/get-workshop-live.ts";
import { userKey, workshopKey } from "./notifier.ts";
import { answerDirectly, socketMember } from "./fan-out.ts";
import { timed } from "../observability/operation-log.ts";
import { delegationRoomKey, type Room, type Session } from "./room.ts";
import type { RoomRegistry } from "./rooms.ts";
import type { UserConnections } from "./connections.ts";
import type { Attendance } from "./attendance.ts";
import type { LiveNotifier } from "../services/live-notifier.ts";
import { registerAmendmentHandlers } from "./amendment-handlers.ts";
import { registerCommentHandlers } from "./comment-handlers.ts";
import { registerDraftingHandlers } from "./drafting-handlers.ts";
import { draftingView } from "../services/drafting/drafting-views.ts";

// `live`: what use cases run from a socket event tell every node afterwards (amendments, comments…).
export type RealtimeDeps = { io: Server; db: Db; rooms: RoomRegistry; connections: UserConnections; attendance: Attendance; live: LiveNotifier };

/** Presence rate per user, across all of this node's sockets. */
const presenceRate = new PresenceRate();

export function registerHandlers(socket: Socket, deps: RealtimeDeps): void {
  const { db, rooms } = deps;
  state(socket).joined = new Map();
  state(socket).leaves = new Map();
  state(socket).accessChecks = 0;
  state(socket).rechecking = new Map();
  state(socket).sessionId ??= null;
  answerDirectly(socket);
  // Signals meant for this account alone (new stored notifications) reach it through this room.
  void socket.join(userKey(state(socket).userId));
  const forget = deps.connections.add(state(socket).userId, {
    sessionId: state(socket).sessionId,
    recheck: (workshopId) => recheckAccess(socket, workshopId, deps),
    recheckJoined: async () => {
      const workshops = new Set([...state(socket).joined.values()].map((room) => room.workshopId));
      for (const workshopId of workshops) await recheckAccess(socket, workshopId, deps);
    },
    signOut: () => {
      const member = socketMember(socket);
      member.send("access:changed", { workshopId: null });
      member.close();
    },
  });

  socket.onAny((event: string) => {
    if (!Object.hasOwn(ClientEvents, event)) {
      socket.emit("protocol:error", { event: String(event).slice(0, 64), ...toClientError(new AppError("UNKNOWN_EVENT")) });
    }
  });

  registerAmendmentHandlers(socket, deps);
  registerCommentHandlers(socket, deps);
  registerDraftingHandlers(socket, deps);

  on(socket, "room:join", async ({ proposalId, clientId, protocol }) => {
    // Before anything is loaded: a page built for another wire format must reload, not join.
    if (protocol !== PROTOCOL_VERSION) throw new AppError("PROTOCOL_OUTDATED");
    const { userId, leaves } = state(socket);
    const leavesBefore = leaves.get(proposalId) ?? 0;
    const checksBefore = state(socket).accessChecks;
    const { membership } = await authorize({ db, userId, action: "proposal.view", proposalId });
    const [participant, room] = await Promise.all([loadParticipant(db, membership), rooms.get(proposalId)]);
    const existing = room.sessions.get(socket.id);
    try {
      if (existing && !existing.clientIds.has(clientId) && existing.clientIds.size >= MAX_CLIENT_IDS_PER_SESSION) {
        throw new AppError("TOO_MANY_CLIENTS", "This connection already speaks for too many editors; reload the page.");
      }
      await room.ledger.claim([clientId], { userId, delegationId: membership.delegationId }, { now: Date.now() });
      // Gone while the database was asked: its disconnect has already left every room it was in,
      // so a session added now would stay for good (a ghost seat, a room never unloaded).
      if (socket.disconnected) throw new AppError("NOT_JOINED", "Disconnected before joining completed.");
      if ((leaves.get(proposalId) ?? 0) !== leavesBefore) throw new AppError("NOT_JOINED", "Left before joining completed.");
      if (state(socket).accessChecks !== checksBefore) throw new AppError("NOT_JOINED", "Access changed while joining; join again.");
    } catch (e) {
      // A room loaded for a join that failed must still be unloaded when idle.
      rooms.release(room);
      throw e;
    }
    if (existing) existing.clientIds.add(clientId);
    else room.sessions.set(socket.id, { member: socketMember(socket), participant, role: membership.role, clientIds: new Set([clientId]) });
    rooms.hold(room);
    state(socket).joined.set(proposalId, room);
    deps.attendance.seat(socket.id, room.workshopId, membership.delegationId);
    await socket.join(room.key);
    // Delegation-only threads reach this socket through its delegation's room, and only there.
    // Checked and joined with nothing awaited in between: a re-check that began during this
    // join has already left the rooms it knew of, so it would not take this one out again.
    if (state(socket).accessChecks !== checksBefore) {
      leave(socket, proposalId, deps);
      throw new AppError("NOT_JOINED", "Access changed while joining; join again.");
    }
    leaveDelegationRooms(socket, room);
    if (membership.delegationId) void socket.join(delegationRoomKey(proposalId, membership.delegationId));
    const viewer = { userId, role: membership.role, delegationId: membership.delegationId };
    const [amendments, threads, drafting] = await Promise.all([listAmendmentViews(db, proposalId), listVisibleThreads(db, proposalId, viewer), draftingView(db, proposalId)]);
    // Read for the seat this join began with: moved to another delegation meanwhile, they may be
    // the old one's private threads. Not sent; the re-check told the tab, which joins again.
    if (state(socket).accessChecks !== checksBefore) {
      leave(socket, proposalId, deps);
      throw new AppError("NOT_JOINED", "Access changed while joining; join again.");
    }
    return {
      self: participant,
      state: room.state,
      edit: editRight(membership.role, room.state, { archived: room.isArchived }),
      mode: room.mode,
      awareness: encodeAwarenessUpdate(room.awareness, [...room.awareness.getStates().keys()]),
      amendments,
      threads,
      drafting,
    };
  });

  on(socket, "workshop:join", async ({ workshopId }) => {
    const checksBefore = state(socket).accessChecks;
    const { membership } = await authorize({ db, userId: state(socket).userId, action: "workshop.view", workshopId });
    if (state(socket).accessChecks !== checksBefore) throw new AppError("NOT_JOINED", "Access changed while joining; join again.");
    await socket.join(workshopKey(workshopId));
    // After joining the board room: the announcement this triggers must reach this socket too.
    deps.attendance.seat(socket.id, workshopId, membership.delegationId);
    return { live: await getWorkshopLive(db, workshopId, new Date()) };
  });

  on(socket, "room:leave", ({ proposalId }) => {
    const { leaves } = state(socket);
    leaves.set(proposalId, (leaves.get(proposalId) ?? 0) + 1);
    leave(socket, proposalId, deps);
    return {};
  });

  on(socket, "doc:sync", ({ proposalId, stateVector }) => {
    const { room } = joinedRoom(socket, proposalId);
    try {
      return timed("sync", proposalId, () => ({ update: Y.encodeStateAsUpdate(room.doc, stateVector), stateVector: Y.encodeStateVector(room.doc) }));
    } catch {
      throw new AppError("MALFORMED_UPDATE", "The state vector could not be read.");
    }
  });

  on(socket, "doc:update", async ({ proposalId, update }) => {
    // A removal or role change announced before this arrived is applied first: the change is
    // judged by the seat as it is now, never by the one this socket joined with.
    const joined = state(socket).joined.get(proposalId);
    if (joined && isRechecking(socket, joined.workshopId)) await accessSettled(socket, joined.workshopId);
    const { room, session } = joinedRoom(socket, proposalId);
    if (isEmptyUpdate(update)) return { durable: true as const };
    const { participant } = session;
    await room.accept(
      update,
      { userId: participant.userId, delegationId: participant.delegation?.id ?? null, originSocketId: socket.id, session },
      {
        // Checked in turn: a lock or a vote that arrived first applies to every later update.
        mayApply: () => {
          // Removed from the room meanwhile (access changed): nothing more from this session.
          if (room.sessions.get(socket.id) !== session) throw new AppError("NOT_JOINED");
          // Access changed after this was queued and the new seat is still being read: refused,
          // kept by the tab, and resent after it joins again (NOT_JOINED), under the new seat.
          if (isRechecking(socket, room.workshopId)) throw new AppError("NOT_JOINED", "Access changed; join again.");
          const decision = decide(session.role, "proposal.edit", room.state, { archived: room.isArchived });
          if (!decision.allowed) throw new AppError(refusalCode(decision.code), editReason(session, room));
          // "Amendments only": a delegate's change to the agreed text is refused, never relayed or stored.
          if (!mayEditDirectly(session.role, room.mode)) throw new AppError("AMENDMENTS_ONLY", AMENDMENTS_ONLY_MESSAGE);
        },
      },
    );
    return { durable: true as const };
  });

  on(socket, "awareness:update", ({ proposalId, update }) => {
    const { room, session } = joinedRoom(socket, proposalId);
    // Dropped, not relayed: presence is ephemeral and the next caret move replaces it.
    if (!presenceRate.allow(session.participant.userId, Date.now())) throw new AppError("RATE_LIMITED");
    timed("presence", proposalId, () => {
      const stamped = stampAwareness(update, session.clientIds, session.participant);
      room.presence.check(stamped.sizes);
      const isRenewal = room.isPresenceRenewal(stamped.states);
      applyAwarenessUpdate(room.awareness, stamped.update, socket.id);
      // Nothing changed: nobody needs it, presence stays while the socket does (presence-keeping.ts).
      if (isRenewal) return;
      room.broadcast("awareness:update", { proposalId, update: stamped.update }, socket.id);
      rooms.cluster.relayAwareness(proposalId, stamped.update);
    });
    return {};
  });

  socket.on("disconnect", () => {
    forget();
    deps.attendance.unseatAll(socket.id);
    for (const proposalId of [...state(socket).joined.keys()]) leave(socket, proposalId, deps);
  });
}

function editReason(session: Session, room: Room): string {
  const right = editRight(session.role, room.state, { archived: room.isArchived });
  return right.canEdit ? "" : right.reason;
}

function refusalCode(code: string): "WRONG_STATE" | "ARCHIVED" | "FORBIDDEN" {
  return code === "WRONG_STATE" || code === "ARCHIVED" ? code : "FORBIDDEN";
}

/**
 * The user's membership in the workshop changed (role, delegation, removal): every room of it
 * this socket is in takes the new role and delegation at once (and says who may edit now), or,
 * for someone no longer a member, is left. The tab is then told, and joins again: a removed
 * member's join is refused, which is how their page learns it.
 */
async function recheckAccess(socket: Socket, workshopId: string, deps: RealtimeDeps): Promise<void> {
  // Announced synchronously, before anything is read: from this moment no change from this
  // socket to the workshop's texts is accepted under the old seat (doc:update waits for this).
  const s = state(socket);
  let settle!: () => void;
  const settled = new Promise<void>((resolve) => (settle = resolve));
  s.rechecking.set(workshopId, settled);
  try {
    await applyRecheck(socket, workshopId, deps);
  } finally {
    if (s.rechecking.get(workshopId) === settled) s.rechecking.delete(workshopId);
    settle();
  }
}

async function applyRecheck(socket: Socket, workshopId: string, deps: RealtimeDeps): Promise<void> {
  const s = state(socket);
  const check = ++s.accessChecks;
  // Out of the old delegation's rooms before the new seat is read: a private thread written
  // meanwhile must not reach someone who just left that delegation.
  for (const room of s.joined.values()) if (room.workshopId === workshopId) leaveDelegationRooms(socket, room);
  // Fails closed: a membership that cannot be read now counts as gone; the tab's re-join decides.
  const membership = await findMembership(deps.db, workshopId, s.userId).catch(() => null);
  const participant = membership ? await loadParticipant(deps.db, membership).catch(() => null) : null;
  // A later re-check (a second move) started meanwhile: its reading is newer; this one must not
  // seat the socket in a delegation it may have left again. From here on nothing is awaited.
  if (s.accessChecks !== check) return;
  for (const [proposalId, room] of [...s.joined]) {
    if (room.workshopId !== workshopId) continue;
    const session = room.sessions.get(socket.id);
    if (!membership || !participant || !session) {
      leave(socket, proposalId, deps);
      continue;
    }
    session.role = membership.role;
    session.participant = participant;
    // A new delegation (or none): its private threads, not the old one's, reach this socket now.
    leaveDelegationRooms(socket, room);
    if (membership.delegationId) void socket.join(delegationRoomKey(proposalId, membership.delegationId));
    const edit = editRight(membership.role, room.state, { archived: room.isArchived });
    session.member.send("room:state", { proposalId, state: room.state, edit });
  }
  if (!membership) void socket.leave(workshopKey(workshopId));
  // A new delegation (or none) changes who is present; a removed member is no longer here.
  if (membership && isInWorkshop(socket, workshopId)) deps.attendance.seat(socket.id, workshopId, membership.delegationId);
  else deps.attendance.unseat(socket.id, workshopId);
  socketMember(socket).send("access:changed", { workshopId });
}

/** Out of every delegation room of this proposal (socket.io rooms: joins and leaves apply at once here). */
function leaveDelegationRooms(socket: Socket, room: Room): void {
  const prefix = `${room.key}:delegation:`;
  for (const key of [...socket.rooms]) if (key.startsWith(prefix)) void socket.leave(key);
}

/** Whether a connection still in the room speaks for this Yjs client (at most a few ids per connection). */
function isClaimedInRoom(room: Room, clientId: number): boolean {
  for (const session of room.sessions.values()) if (session.clientIds.has(clientId)) return true;
  return false;
}

function leave(socket: Socket, proposalId: string, deps: RealtimeDeps): void {
  const room = state(socket).joined.get(proposalId);
  if (!room) return;
  state(socket).joined.delete(proposalId);
  const session = room.sessions.get(socket.id);
  room.sessions.delete(socket.id);
  void socket.leave(room.key);
  leaveDelegationRooms(socket, room);
  if (!isInWorkshop(socket, room.workshopId)) deps.attendance.unseat(socket.id, room.workshopId);
  if (session) {
    // Not the ids another connection in this room speaks for: a tab back on a new connection
    // before the server noticed its old one die (venue Wi-Fi) is still here.
    const gone = [...session.clientIds].filter((id) => room.awareness.getStates().has(id) && !isClaimedInRoom(room, id));
    if (gone.length > 0) {
      // Encoded first: removing forgets the states' clocks (presence-keeping.ts).
      const removal = removalOf(room.awareness, gone);
      removeAwarenessStates(room.awareness, gone, socket.id);
      room.broadcast("awareness:update", { proposalId, update: removal });
      deps.rooms.cluster.relayAwareness(proposalId, removal);
    }
  }
  deps.rooms.release(room);
}

/** Still on the workshop's board or in another of its proposals' rooms: still present. */
function isInWorkshop(socket: Socket, workshopId: string): boolean {
  if (socket.rooms.has(workshopKey(workshopId))) return true;
  for (const room of state(socket).joined.values()) if (room.workshopId === workshopId) return true;
  return false;
}
