// The live layer's side of LiveNotifier: state changes reach each room (which enforces them)
// and each client (told its edit right); workshop boards get a fresh snapshot.
import type { Server } from "socket.io";
import type { Db } from "../../lib/db.ts";
import { editRight } from "../../lib/domain/edit-right.ts";
import type { ProposalState } from "../../lib/domain/access.ts";
import type { LiveNotifier } from "../services/live-notifier.ts";
import { getWorkshopLive } from "../services/workshop/get-workshop-live.ts";
import type { RoomRegistry } from "./rooms.ts";

export function workshopKey(workshopId: string): string {
  return `workshop:${workshopId}`;
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

export function createLiveNotifier(io: Server, rooms: RoomRegistry, db: Db): LiveNotifier {
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
  };
}
