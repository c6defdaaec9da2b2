// The amendment events (and the chair's editing mode): each checks that the caller is in the
// proposal's room, then runs its use case, which authorizes, applies the domain rule, writes and
// tells every node. Nothing in a payload says who the caller is or which delegation they speak
// for: that is the session's membership, read by the use case. A revision of one's own open
// amendment as one types takes the fast path (amendment-revisions.ts), authorized from the room
// session like a doc:update; everything else goes through the use case.
import type { Socket } from "socket.io";
import { isRechecking, joinedRoom, on, state } from "./socket-events.ts";
import { AppError } from "../../lib/errors.ts";
import type { Db } from "../../lib/db.ts";
import type { RoomRegistry } from "./rooms.ts";
import { reviseOwnAmendment } from "./amendment-revisions.ts";
import type { LiveNotifier } from "../services/live-notifier.ts";
import { setEditingMode } from "../services/amendments/set-editing-mode.ts";
import { putAmendment } from "../services/amendments/put-amendment.ts";
import { setAmendmentReason } from "../services/amendments/set-amendment-reason.ts";
import { takeStance } from "../services/amendments/take-stance.ts";
import { withdrawAmendment } from "../services/amendments/withdraw-amendment.ts";
import { acceptAllFromDelegation, acceptAmendment } from "../services/amendments/accept-amendment.ts";
import { rejectAmendment } from "../services/amendments/reject-amendment.ts";

export function registerAmendmentHandlers(socket: Socket, deps: { db: Db; rooms: RoomRegistry; live: LiveNotifier }): void {
  const { db, rooms, live } = deps;
  // The caller of every event: the socket's signed-in user, in a room it joined (the join checked access).
  const caller = (proposalId: string) => {
    joinedRoom(socket, proposalId);
    return { db, live, userId: state(socket).userId, proposalId };
  };

  on(socket, "proposal:mode", async ({ proposalId, mode }) => {
    await setEditingMode({ ...caller(proposalId), mode });
    return {};
  });

  on(socket, "amendment:put", async ({ proposalId, key, from, to, insert, reason }) => {
    const input = { key, from, to, insert, reason };
    const { room, session } = joinedRoom(socket, proposalId);
    // While the seat is being re-read (access changed), the fast path stands aside: the use case
    // reads the membership as it is now.
    const accessPending = () => isRechecking(socket, room.workshopId);
    const revised = await reviseOwnAmendment({ room, session, socketId: socket.id, writer: rooms.revisions, accessPending }, input);
    if (revised) return revised;
    // A revision of it is still on its way to the database: the slow path's write must not be
    // overtaken by that older one. The tab resends shortly (puts are idempotent).
    const known = room.amendments.peek(key);
    if (known && rooms.revisions.isPending(known.id)) throw new AppError("UNAVAILABLE");
    return putAmendment({ ...caller(proposalId), rooms, input });
  });

  on(socket, "amendment:reason", ({ proposalId, amendmentId, reason }) => setAmendmentReason({ ...caller(proposalId), amendmentId, reason }));

  on(socket, "amendment:stance", ({ proposalId, amendmentId, stance }) => takeStance({ ...caller(proposalId), amendmentId, stance }));

  on(socket, "amendment:withdraw", ({ proposalId, amendmentId }) => withdrawAmendment({ ...caller(proposalId), amendmentId, now: new Date() }));

  on(socket, "amendment:accept", ({ proposalId, amendmentId }) => acceptAmendment({ ...caller(proposalId), rooms, amendmentId, now: new Date() }));

  on(socket, "amendment:reject", ({ proposalId, amendmentId }) => rejectAmendment({ ...caller(proposalId), amendmentId, now: new Date() }));

  on(socket, "amendment:accept-all", ({ proposalId, delegationId }) =>
    acceptAllFromDelegation({ ...caller(proposalId), rooms, delegationId, now: new Date() }),
  );
}
