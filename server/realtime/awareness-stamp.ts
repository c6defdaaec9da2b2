// Awareness (presence, carets) is sent by clients, but who they are is the server's to say:
// each state's `user` field is replaced with the session's identity, and a socket may only
// speak for its own Yjs client ids.
import * as encoding from "lib0/encoding";
import { AppError } from "../../lib/errors.ts";
import type { Participant } from "../../lib/protocol.ts";
import { awarenessUser } from "../../lib/realtime/awareness-user.ts";
import { decodeAwarenessEntries } from "../../lib/realtime/awareness-entries.ts";

export function stampAwarenessUpdate(update: Uint8Array, allowedClientIds: ReadonlySet<number>, user: Participant): Uint8Array {
  return stampAwareness(update, allowedClientIds, user).update;
}

/**
 * The stamped update, the size of each state in it as the room will hold it (0 = removed), and
 * each state as JSON (null when removed), to tell a mere renewal from a change.
 */
export function stampAwareness(
  update: Uint8Array,
  allowedClientIds: ReadonlySet<number>,
  user: Participant,
): { update: Uint8Array; sizes: Map<number, number>; states: Map<number, string | null> } {
  const sizes = new Map<number, number>();
  const states = new Map<number, string | null>();
  const entries = decodeAwarenessEntries(update);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const entry of entries) {
    if (!allowedClientIds.has(entry.clientId)) throw new AppError("FOREIGN_CLIENT", "That presence update speaks for someone else.");
    // null = "I left"; anything else must be an object we can stamp.
    let state = entry.state;
    if (state !== null) {
      if (typeof state !== "object" || Array.isArray(state)) throw new AppError("MALFORMED_UPDATE", "The presence update could not be read.");
      state = { ...(state as Record<string, unknown>), user: awarenessUser(user) };
    }
    const json = JSON.stringify(state);
    sizes.set(entry.clientId, state === null ? 0 : json.length);
    states.set(entry.clientId, state === null ? null : json);
    encoding.writeVarUint(e, entry.clientId);
    encoding.writeVarUint(e, entry.clock);
    encoding.writeVarString(e, json);
  }
  return { update: encoding.toUint8Array(e), sizes, states };
}
