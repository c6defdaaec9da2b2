// Reading a presence (awareness) update: y-protocols' wire format is a count, then each client's
// id, clock and state as JSON. Shared by the server (stamping, sweeps) and the tabs (the join
// answer's list of who is in the room). Readers that need only the ids leave the JSON unparsed:
// y-protocols parses it again when the update is applied.
import * as decoding from "lib0/decoding";
import { AppError } from "../errors.ts";

export type AwarenessEntry = { clientId: number; clock: number; state: unknown };
type RawEntry = { clientId: number; clock: number; json: string };

function decodeRaw(update: Uint8Array): RawEntry[] {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    const entries: RawEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      entries.push({ clientId, clock, json: decoding.readVarString(d) });
    }
    if (decoding.hasContent(d)) throw new Error("trailing bytes");
    return entries;
  } catch {
    throw malformed();
  }
}

const malformed = () => new AppError("MALFORMED_UPDATE", "The presence update could not be read.");

/** The entries of a presence update; MALFORMED_UPDATE when it cannot be read. */
export function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  return decodeRaw(update).map(({ clientId, clock, json }) => {
    try {
      return { clientId, clock, state: JSON.parse(json) as unknown };
    } catch {
      throw malformed();
    }
  });
}

/** The clients an update speaks of; with `presentOnly`, not those it removes (a null state). */
export function awarenessClientIds(update: Uint8Array, opts: { presentOnly?: boolean } = {}): number[] {
  const entries = decodeRaw(update);
  return (opts.presentOnly ? entries.filter((e) => e.json !== "null") : entries).map((e) => e.clientId);
}
