// Presence without renewals. y-protocols' Awareness drops a state that is not renewed for 30 s,
// so every tab used to re-send its unchanged state every 15 s and the server passed each renewal
// on to every other member: at 2,000 idle tabs in rooms of 20, thousands of messages a second
// saying nothing. Now a state stays exactly as long as its socket is in the room — leaving and
// disconnecting announce its removal (handlers.ts), and socket.io's heartbeat ends a connection
// that went silent — so nothing has to travel to keep it:
// - the server marks its own members' states current, once per sweep (`keepMembersPresent`);
// - other nodes are told once per room and sweep which client ids this node still holds
//   (`node:presence`), so their copies stay current (`keepPresent`). A node that dies stops
//   saying so: 30 s later its members' states expire on every other node, and each announces
//   the removal to its own tabs (`announceExpiry`);
// - tabs keep what they were sent for as long as they are connected (ProposalProvider).
import { encodeAwarenessUpdate, type Awareness } from "y-protocols/awareness";

/** Client ids one `node:presence` message may name (a room's presence is bounded far below this). */
export const MAX_PRESENCE_IDS_PER_RELAY = 10_000;

/** Marks these clients' states current (those the awareness holds); returns the ids it held. */
export function keepPresent(awareness: Awareness, clientIds: Iterable<number>, now: number, kept: number[] = []): number[] {
  const states = awareness.getStates();
  for (const id of clientIds) {
    const meta = awareness.meta.get(id);
    if (meta === undefined || !states.has(id)) continue;
    meta.lastUpdated = now;
    kept.push(id);
  }
  return kept;
}

/** This node's members' states are current while their sockets are in the room. */
export function keepMembersPresent(awareness: Awareness, sessions: Iterable<{ clientIds: ReadonlySet<number> }>, now: number): number[] {
  const kept: number[] = [];
  for (const session of sessions) keepPresent(awareness, session.clientIds, now, kept);
  return kept;
}

/**
 * When the awareness drops states nobody kept current (their node stopped saying they are
 * here), `send` gets the removal for this node's tabs, which keep states until told otherwise.
 */
export function announceExpiry(awareness: Awareness, send: (removal: Uint8Array) => void): void {
  awareness.on("update", ({ removed }: { removed: number[] }, origin: unknown) => {
    // "timeout" is y-protocols' own origin for states it expired.
    if (origin !== "timeout" || removed.length === 0) return;
    send(encodeAwarenessUpdate(awareness, removed));
  });
}
