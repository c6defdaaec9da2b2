// Presence states stay while their tabs are connected; nothing renews them over the wire
// (server/realtime/presence-keeping.ts). Two rules on a y-protocols Awareness, shared by the
// server's rooms and the tabs' providers:
// - a state its holder still has is marked current, so the 30 s expiry does not drop it;
// - a removed state's clock is forgotten: an idle member's clock does not move, so when the same
//   state is announced again (a reconnect, a node's sweep after an outage) it comes at the same
//   clock, which the awareness would otherwise refuse.
import type { Awareness } from "y-protocols/awareness";

/** Marks these clients' states current (those the awareness holds); appends their ids to `kept`. */
export function markPresent(awareness: Awareness, clientIds: Iterable<number>, now: number, kept: number[] = []): number[] {
  for (const id of clientIds) {
    const meta = awareness.meta.get(id);
    if (meta === undefined || !awareness.states.has(id)) continue;
    meta.lastUpdated = now;
    kept.push(id);
  }
  return kept;
}

/** Forgets the clocks of removed states (never the awareness's own). */
export function forgetClocks(awareness: Awareness, removed: readonly number[]): void {
  for (const id of removed) if (id !== awareness.clientID) awareness.meta.delete(id);
}
