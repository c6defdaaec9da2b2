// A presence (awareness) update as clients send it: a count, then each client's id, clock and
// state as JSON (y-protocols' wire format), built by hand so tests can send any clock or state.
import * as encoding from "lib0/encoding";

export function awarenessUpdate(entries: Array<{ clientId: number; clock: number; state: unknown }>): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientId);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, JSON.stringify(x.state));
  }
  return encoding.toUint8Array(e);
}
