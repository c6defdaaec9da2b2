// A room's stored document is a checkpoint (the merged state of everything before it) and the
// journal rows written since. Compaction folds the oldest rows into a new checkpoint: one rule
// for every store, run in a worker thread (its cost grows with the text).
import * as Y from "yjs";

export type Checkpoint = { state: Uint8Array; mergedRows: number };

/** The checkpoint that replaces `previous` once `rows` (oldest first) are folded into it. */
export function foldIntoCheckpoint(previous: Checkpoint | null, rows: Uint8Array[]): Checkpoint {
  return {
    state: Y.mergeUpdates(previous ? [previous.state, ...rows] : rows),
    mergedRows: (previous?.mergedRows ?? 0) + rows.length,
  };
}

/**
 * Rows packed into one buffer to cross to a worker: one transfer instead of thousands of small
 * copies (a Buffer read from a database may sit on a larger shared slab, which a structured
 * clone would copy whole for every row).
 */
export type PackedRows = { bytes: Uint8Array; lengths: number[] };

export function packRows(rows: Uint8Array[]): PackedRows {
  const lengths = rows.map((r) => r.byteLength);
  const bytes = new Uint8Array(lengths.reduce((a, b) => a + b, 0));
  let at = 0;
  for (const r of rows) {
    bytes.set(r, at);
    at += r.byteLength;
  }
  return { bytes, lengths };
}

export function unpackRows(packed: PackedRows): Uint8Array[] {
  const rows: Uint8Array[] = [];
  let at = 0;
  for (const n of packed.lengths) {
    rows.push(packed.bytes.subarray(at, at + n));
    at += n;
  }
  return rows;
}
