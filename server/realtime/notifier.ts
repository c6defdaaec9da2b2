// The live layer's side of LiveNotifier: state changes reach each room (which enforces them)
// and each client (told its edit right); workshop boards get a fresh snapshot; access changes
// and archiving reach every node's sockets and rooms of that user or workshop.
import type { Server } from "socket.io";
import type { Db } from "../../lib/db.ts";
import { editRight } from "../../lib/domain/edit-right.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import type { LiveNotifier } from "../services/live-notifier.ts";
import { getWorkshopLive } from "../services/workshop/get-workshop-live.ts";
import type { RoomRegistry } from "./rooms.ts";
import { delegationRoomKey, roomKey } from "./room.ts";
import type { UserConnections } from "./connections.ts";
import type { Attendance } from "./attendance.ts";

export function workshopKey(workshopId: string): string {
  return `workshop:${workshopId}`;
}

/** The socket.io room of one account's sockets (joined on connect). */
export function userKey(userId: string): string {
  return `user:${userId}`;
}

/** Several changes in one action (state + vote + audit) become one snapshot per workshop. */
const COALESCE_MS = 15;

/** Applies a state change to this node's room and tells this node's clients. */
export function applyProposalState(rooms: RoomRegistry, proposalId: string, state: ProposalState): void {
  const room = rooms.setState(proposalId, state);
  if (!room) return;
  for (const session of room.sessions.values()) {
    session.member.send("room:state", { proposalId, state, edit: editRight(session.role, state) });
  }
}

/** Applies a user's access change to this node's connections of theirs (sessionId: only that session's). */
export function applyAccessChange(connections: UserConnections, userId: string, workshopId: string | null, sessionId: string | null = null): void {
  connections.apply(userId, workshopId, sessionId).catch((e) => console.error(`access change for ${userId} not applied:`, e));
}

/** The workshop was archived: this node's rooms of it refuse changes, and their clients are told. */
export function applyArchived(rooms: RoomRegistry, workshopId: string): void {
  for (const room of rooms.markArchived(workshopId)) {
    for (const session of room.sessions.values()) {
      const edit = editRight(session.role, room.state, { archived: true });
      session.member.send("room:state", { proposalId: room.proposalId, state: room.state, edit });
    }
  }
}

export function createLiveNotifier(io: Server, rooms: RoomRegistry, db: Db, connections: UserConnections, attendance?: Attendance): LiveNotifier {
  const pending = new Set<string>();
  return {
    proposalState(proposalId, state) {
      applyProposalState(rooms, proposalId, state);
      rooms.cluster.relayState(proposalId, state);
    },
    workshopChanged(workshopId) {
      if (pending.has(workshopId)) return;
      pending.add(workshopId);
      setTimeout(() => {
        pending.delete(workshopId);
        getWorkshopLive(db, workshopId, new Date())
          .then((live) => io.to(workshopKey(workshopId)).emit("workshop:live", live))
          .catch((e) => console.error(`workshop board ${workshopId} not sent:`, e));
      }, COALESCE_MS);
    },
    accessChanged({ userId, workshopId, sessionId }) {
      applyAccessChange(connections, userId, workshopId ?? null, sessionId ?? null);
      rooms.cluster.relayAccess(userId, workshopId ?? null, sessionId ?? null);
    },
    workshopArchived(workshopId) {
      applyArchived(rooms, workshopId);
      rooms.cluster.relayArchived(workshopId);
    },
    editingMode(proposalId, mode) {
      rooms.setMode(proposalId, mode);
      rooms.cluster.relayMode(proposalId, mode);
      // Through the adapter: every node's members of the room.
      io.to(roomKey(proposalId)).emit("proposal:mode", { proposalId, mode });
    },
    agreedParagraphs(proposalId, keys) {
      // Enforced by each node's room (pending when it is loading); no tab is told here, the
      // statuses themselves reach them with draftingChanged.
      rooms.setAgreedKeys(proposalId, keys);
      rooms.cluster.relayAgreed(proposalId, keys);
    },
    amendmentsChanged(proposalId, amendments) {
      if (amendments.length === 0) return;
      // The typing path's cache, here and (the event itself goes through the adapter) on the other nodes.
      rooms.peek(proposalId)?.amendments.update(amendments);
      rooms.cluster.relayAmendments(proposalId, amendments, { deliver: false });
      io.to(roomKey(proposalId)).emit("amendment:changed", { proposalId, amendments });
    },
    usersNotified(workshopId, userIds) {
      // Through the adapter: each user's sockets on every node (every socket joins its user's room).
      if (userIds.length > 0) io.to(userIds.map(userKey)).emit("notifications:changed", { workshopId });
    },
    threadChanged(proposalId, thread) {
      if (thread.visibility === "EVERYONE") {
        io.to(roomKey(proposalId)).emit("comment:changed", { proposalId, thread });
        return;
      }
      // Never to the room at large: only the sockets seated in the thread's delegation.
      if (!thread.delegation) return;
      io.to(delegationRoomKey(proposalId, thread.delegation.id)).emit("comment:changed", { proposalId, thread });
    },
    draftingChanged(proposalId, change) {
      // Everyone in the room sees every status, bracket and reading: through the adapter, every node.
      io.to(roomKey(proposalId)).emit("drafting:changed", { proposalId, ...change });
    },
    presentDelegations: async (workshopId) => (attendance ? (await attendance.gather(workshopId)).delegationIds : []),
  };
}
