// Reads a Yjs update without applying it: a malformed one is refused before it can touch a
// room's document (Y.applyUpdate throws midway on bad input), and the client ids of the text it
// inserts are known for the authorship check.
import * as Y from "yjs";
import { AppError } from "../../lib/errors.ts";

/** The Yjs client ids whose inserted content the update carries (deletions are not counted). */
export function insertingClients(update: Uint8Array): Set<number> {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new AppError("MALFORMED_UPDATE");
  }
  const clients = new Set<number>();
  for (const struct of decoded.structs) {
    // Skip structs are gaps, not content.
    if (struct instanceof Y.Item || struct instanceof Y.GC) clients.add(struct.id.client);
  }
  return clients;
}
