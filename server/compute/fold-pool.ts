// Compaction merges in one worker thread (see worker-queue.ts), never on the event loop.
import { packRows, type Checkpoint, type PackedRows } from "../../lib/document/checkpoint.ts";
import { startTsWorker } from "./ts-worker.ts";
import { closeSharedQueue, sharedQueue, WorkerQueue } from "./worker-queue.ts";

export const FOLD_WORKER_FILE = "server/compute/fold-worker.ts";

export type FoldJob = { previous: Checkpoint | null; rows: PackedRows };

/** Rooms whose compaction may wait while one runs: each room asks at most once at a time. */
const MAX_WAITING_FOLDS = 256;
/** A fold still running after this is given up (the journal stays as it is; compaction retries later). */
const FOLD_DEADLINE_MS = 60_000;

export function foldPool(): WorkerQueue<FoldJob, Checkpoint> {
  return sharedQueue(
    "fold",
    () =>
      new WorkerQueue<FoldJob, Checkpoint>({
        label: "Compaction",
        maxWaiting: MAX_WAITING_FOLDS,
        deadlineMs: FOLD_DEADLINE_MS,
        spawn: () => startTsWorker(FOLD_WORKER_FILE),
        fallback: null,
        busyMessage: "Too many rooms are compacting at once.",
      }),
  );
}

export const closeFoldPool = (): Promise<void> => closeSharedQueue("fold");

/** Folds off the main thread; copies what it sends, so the caller's buffers stay usable. */
export function foldOffThread(previous: Checkpoint | null, rows: Uint8Array[]): Promise<Checkpoint> {
  return foldPool().run({ previous: previous && { state: new Uint8Array(previous.state), mergedRows: previous.mergedRows }, rows: packRows(rows) });
}
