// Reads a Yjs update without applying it. A malformed one is refused before it can touch a
// room's document (Y.applyUpdate throws midway on bad input); one that depends on changes the
// room does not have is refused too, so nothing is ever left pending in a replica or journal;
// and the client ids of the text it inserts are known for the authorship check.
import * as Y from "yjs";
import { AppError } from "../../lib/errors.ts";

export type InspectedUpdate = { insertingClients: Set<number> };

type Range = { clock: number; end: number };

/** `knownClock(client)`: how many of the client's structs the room has (Y.getState on its store). */
export function inspectUpdate(update: Uint8Array, knownClock: (client: number) => number): InspectedUpdate {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new AppError("MALFORMED_UPDATE");
  }
  // What this update brings, per client, so references into itself count as satisfied.
  const brought = new Map<number, Range[]>();
  const insertingClients = new Set<number>();
  for (const s of decoded.structs) {
    if (s instanceof Y.Skip) continue;
    const ranges = brought.get(s.id.client) ?? [];
    ranges.push({ clock: s.id.clock, end: s.id.clock + s.length });
    brought.set(s.id.client, ranges);
    insertingClients.add(s.id.client);
  }
  const has = (client: number, clock: number): boolean =>
    clock < knownClock(client) || (brought.get(client) ?? []).some((r) => clock >= r.clock && clock < r.end);
  const missing = () => new AppError("MISSING_DEPENDENCIES");

  for (const [client, ranges] of brought) {
    // A client's new structs must continue where the room's copy of that client ends.
    if (Math.min(...ranges.map((r) => r.clock)) > knownClock(client)) throw missing();
  }
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    for (const ref of [s.origin, s.rightOrigin, s.parent instanceof Y.ID ? s.parent : null]) {
      if (ref && !has(ref.client, ref.clock)) throw missing();
    }
  }
  for (const [client, deletes] of decoded.ds.clients) {
    for (const d of deletes) if (d.len > 0 && !has(client, d.clock + d.len - 1)) throw missing();
  }
  return { insertingClients };
}
