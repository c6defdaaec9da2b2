// The one wrapper every socket event goes through (validate against the shared protocol, run,
// acknowledge with a named error) and the per-socket state the handlers share. Split out so each
// area's handlers (documents, amendments, comments) sit in their own file.
import type { Socket } from "socket.io";
import { AppError, isAppError, toClientError } from "../../lib/errors.ts";
import { isStorageUnavailable } from "../../lib/storage-errors.ts";
import { ClientEvents, type AckOf, type ClientEventName, type ParsedClientPayload } from "../../lib/protocol.ts";
import type { Room, Session } from "./room.ts";

// `leaves` counts room:leave per proposal, so a join whose database reads outlast a leave
// sent right after it (a quick unmount) does not register the socket anyway. `accessChecks`
// counts access re-checks the same way: a join that read the membership before a re-check
// must not register a session with what it read. `rechecking` holds, per workshop, the re-check
// under way (from the moment the change is announced until the new seat is applied): changes
// from this socket to that workshop's texts wait for it, so none is judged by the old seat.
export type SocketState = {
  userId: string;
  /** The session (the token's sid) the socket was opened with; null for a token without one. */
  sessionId: string | null;
  joined: Map<string, Room>;
  leaves: Map<string, number>;
  accessChecks: number;
  rechecking: Map<string, Promise<void>>;
};

/** Whether the socket's seat in the workshop is being re-read (access changed, not yet applied). */
export function isRechecking(socket: Socket, workshopId: string): boolean {
  return state(socket).rechecking.has(workshopId);
}

/** Resolves once no re-check of the socket's seat in the workshop is under way. */
export async function accessSettled(socket: Socket, workshopId: string): Promise<void> {
  for (let pending = state(socket).rechecking.get(workshopId); pending; pending = state(socket).rechecking.get(workshopId)) await pending;
}

export type AckBody<E extends ClientEventName> = Omit<Extract<AckOf[E], { ok: true }>, "ok">;

export function state(socket: Socket): SocketState {
  return socket.data as SocketState;
}

export function parseError(error: import("zod").ZodError): AppError {
  const tooLarge = error.issues.some((i) => i.code === "custom" && (i as { params?: { code?: string } }).params?.code === "PAYLOAD_TOO_LARGE");
  if (tooLarge) return new AppError("PAYLOAD_TOO_LARGE");
  const first = error.issues[0];
  return new AppError("INVALID_INPUT", first ? `${first.path.join(".") || "payload"}: ${first.message}` : undefined);
}

/** Validate, run, acknowledge: the one wrapper every event goes through. */
export function on<E extends ClientEventName>(socket: Socket, event: E, run: (payload: ParsedClientPayload<E>) => Promise<AckBody<E>> | AckBody<E>): void {
  // The typed event map would demand a well-formed payload; here nothing is trusted yet.
  socket.on(event as string, async (raw: unknown, ack: unknown) => {
    const respond = typeof ack === "function" ? (ack as (res: unknown) => void) : () => {};
    const parsed = ClientEvents[event].safeParse(raw);
    if (!parsed.success) return respond({ ok: false, error: toClientError(parseError(parsed.error)) });
    try {
      respond({ ok: true, ...(await run(parsed.data as ParsedClientPayload<E>)) });
    } catch (e) {
      // A database outage is answered (the client retries) and logged by the journal once, not per event.
      if (!isAppError(e) && !isStorageUnavailable(e)) console.error(`socket event ${event} failed:`, e);
      respond({ ok: false, error: toClientError(e) });
    }
  });
}

export function joinedRoom(socket: Socket, proposalId: string): { room: Room; session: Session } {
  const room = state(socket).joined.get(proposalId);
  const session = room?.sessions.get(socket.id);
  if (!room || !session) throw new AppError("NOT_JOINED");
  return { room, session };
}

