// Compaction: the oldest journal rows of a proposal are folded into a new checkpoint, which
// replaces the previous one, so a room loads from one checkpoint and few rows. The merge runs in
// a worker thread; the store only reads and swaps. The swap is optimistic: if another node (or
// anything else) replaced the checkpoint meanwhile, nothing is written and the next compaction
// starts afresh — rows are deleted only once a checkpoint holding them is stored.
import type { Checkpoint } from "../../lib/document/checkpoint.ts";
import { foldOffThread } from "../compute/fold-pool.ts";

/** Rows merged per compaction: bounds the worker's memory and the swap's transaction. */
export const MAX_ROWS_PER_COMPACTION = 5000;

export type StoredCheckpoint = Checkpoint & { id: string };

export type CheckpointStore = {
  /** The newest checkpoint, then the oldest rows not in it (read in that order). */
  oldest(proposalId: string, limit: number): Promise<{ previous: StoredCheckpoint | null; rows: Array<{ id: number; update: Uint8Array }> }>;
  /**
   * In one transaction: stores `next`, deletes `previousId` and exactly `rowIds`; returns false
   * (writing nothing) when the newest checkpoint is no longer `previousId`.
   */
  swap(proposalId: string, change: { previousId: string | null; next: Checkpoint; rowIds: number[] }): Promise<boolean>;
};

export async function compactOldest(store: CheckpointStore, proposalId: string): Promise<{ mergedRows: number }> {
  const { previous, rows } = await store.oldest(proposalId, MAX_ROWS_PER_COMPACTION);
  if (rows.length === 0) return { mergedRows: 0 };
  const next = await foldOffThread(previous, rows.map((r) => r.update));
  const isSwapped = await store.swap(proposalId, { previousId: previous?.id ?? null, next, rowIds: rows.map((r) => r.id) });
  return { mergedRows: isSwapped ? rows.length : 0 };
}
