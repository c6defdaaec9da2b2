// Reading a presence (awareness) update: y-protocols' wire format is a count, then each client's
// id, clock and state as JSON. Shared by the server (stamping, sweeps) and the tabs (the join
// answer's list of who is in the room).
import * as decoding from "lib0/decoding";
import { AppError } from "../errors.ts";

export type AwarenessEntry = { clientId: number; clock: number; state: unknown };

/** The entries of a presence update; MALFORMED_UPDATE when it cannot be read. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const state: unknown = JSON.parse(decoding.readVarString(d));
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(d)) throw new Error("trailing bytes");
    return entries;
  } catch {
    throw new AppError("MALFORMED_UPDATE", "The presence update could not be read.");
  }
}

/** The clients an update says are present (a removal's null state is not presence). */
export function presentClientIds(update: Uint8Array): number[] {
  return decodeAwarenessEntries(update)
    .filter((e) => e.state !== null)
    .map((e) => e.clientId);
}
