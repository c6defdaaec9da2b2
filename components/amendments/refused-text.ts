// The words a refused change would have added, read from the Yjs update itself: when the server
// refuses a direct edit for good (e.g. AMENDMENTS_ONLY: the chair switched to "Amendments only"
// while a delegate typed offline), the editor reloads the server's text, and the notice shows
// what was typed so it can be proposed as an amendment instead of being lost without a word.
import * as Y from "yjs";

type DeleteItem = { clock: number; len: number };

function isDeleted(ds: Map<number, DeleteItem[]>, client: number, clock: number): boolean {
  return (ds.get(client) ?? []).some((d) => clock >= d.clock && clock < d.clock + d.len);
}

/** Text inserted by `update` and not deleted again within it, pieces joined by a space. */
export function insertedText(update: Uint8Array): string {
  let decoded: { structs: unknown[]; ds: { clients: Map<number, DeleteItem[]> } };
  try {
    decoded = Y.decodeUpdate(update) as unknown as typeof decoded;
  } catch {
    return "";
  }
  const pieces: string[] = [];
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item) || !(s.content instanceof Y.ContentString)) continue;
    if (isDeleted(decoded.ds.clients, s.id.client, s.id.clock)) continue;
    const str = s.content.str;
    // Consecutive characters typed in a row arrive as one item; separate items, separate pieces.
    const prev = pieces.at(-1);
    if (prev !== undefined && s.origin && s.origin.client === s.id.client && s.origin.clock === s.id.clock - 1) pieces[pieces.length - 1] = prev + str;
    else pieces.push(str);
  }
  return pieces.join(" ").trim();
}
