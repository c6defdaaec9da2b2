// Presence without renewals. y-protocols' Awareness drops a state that is not renewed for 30 s,
// so every tab used to re-send its unchanged state every 15 s and the server passed each renewal
// on to every other member: at 2,000 idle tabs in rooms of 20, thousands of messages a second
// saying nothing. Now a state stays exactly as long as its socket is in the room — leaving and
// disconnecting announce its removal (handlers.ts), and socket.io's heartbeat ends a connection
// that went silent — so nothing has to travel to keep it:
// - the server marks its own members' states current, once per sweep (`keepMembersPresent`);
// - other nodes are sent, once per room and sweep, the states this node's members hold
//   (`node:presence`): their copies stay current, and a node that loaded the room after those
//   states last changed learns them (`takeRelayedPresence`). A node that dies stops sending:
//   30 s later its members' states expire on every other node, and each announces the removal
//   to its own tabs (`announceExpiry`);
// - tabs keep what they were sent for as long as they are connected (ProposalProvider).
import { applyAwarenessUpdate, encodeAwarenessUpdate, type Awareness } from "y-protocols/awareness";
import { MAX_ROOM_PRESENCE_BYTES } from "./presence-limits.ts";
import { awarenessClientIds } from "../../lib/realtime/awareness-entries.ts";
import { forgetClocks, markPresent } from "../../lib/realtime/presence-clocks.ts";

/** A `node:presence` message's bytes: one room's presence is bounded by MAX_ROOM_PRESENCE_BYTES. */
export const MAX_PRESENCE_RELAY_BYTES = 2 * MAX_ROOM_PRESENCE_BYTES;

/** This node's members' states are current while their sockets are in the room. */
export function keepMembersPresent(awareness: Awareness, sessions: Iterable<{ clientIds: ReadonlySet<number> }>, now: number): number[] {
  const kept: number[] = [];
  for (const session of sessions) markPresent(awareness, session.clientIds, now, kept);
  return kept;
}

/**
 * When the awareness drops states nobody kept current (their node stopped saying they are
 * here), `send` gets the removal for this node's tabs, which keep states until told otherwise.
 * Every removed state's clock is forgotten too, so the same state announced again at the same
 * clock is taken: nothing renews presence any more, so an idle member's clock does not move, and
 * without this a state dropped by an expiry (a Redis outage longer than 30 s) or by a leave would
 * be refused when its holder's node or tab sends it again, and stay missing until that person moves.
 */
export function announceExpiry(awareness: Awareness, send: (removal: Uint8Array) => void): void {
  awareness.on("update", ({ removed }: { removed: number[] }, origin: unknown) => {
    if (removed.length === 0) return;
    // "timeout" is y-protocols' own origin for states it expired.
    if (origin === "timeout") send(encodeAwarenessUpdate(awareness, removed));
    forgetClocks(awareness, removed);
  });
}

/** The removal of these clients' states (null at their current clocks), to send before removing them. */
export function removalOf(awareness: Awareness, clientIds: number[]): Uint8Array {
  return encodeAwarenessUpdate(awareness, clientIds, new Map());
}

/**
 * Another node's members' states, as it holds them: kept current here; any this room lacks or
 * holds older (it loaded after they last changed, or a relay was lost) are taken. Returns the
 * update for this node's tabs with what was new to the room (null when nothing was).
 */
export function takeRelayedPresence(awareness: Awareness, update: Uint8Array, now: number): Uint8Array | null {
  const changed: number[] = [];
  const collect = ({ added, updated }: { added: number[]; updated: number[] }) => changed.push(...added, ...updated);
  awareness.on("update", collect);
  try {
    applyAwarenessUpdate(awareness, update, "relay");
  } finally {
    awareness.off("update", collect);
  }
  markPresent(awareness, awarenessClientIds(update), now);
  return changed.length > 0 ? encodeAwarenessUpdate(awareness, changed) : null;
}
