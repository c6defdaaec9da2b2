// Outcome records handed in for verification are parsed and hashed in one worker thread (see
// worker-queue.ts): a 50 MB record is a second or more of CPU, which on the event loop would
// stall every room for that long. Anyone may verify (signed out too), so the queue is short.
import { startTsWorker } from "./ts-worker.ts";
import type { RecordCheck } from "./record-check.ts";
import { closeSharedQueue, sharedQueue, WorkerQueue } from "./worker-queue.ts";

export const RECORD_WORKER_FILE = "server/compute/record-worker.ts";

/** Checks that may wait while one runs; past this the caller is told to try again. */
export const MAX_WAITING_RECORD_CHECKS = 4;
/** Far longer than the largest accepted record takes here (50 MB ≈ 1–2 s). */
const RECORD_DEADLINE_MS = 30_000;
/** A 50 MB JSON text parsed into objects takes a few times its size. */
const WORKER_HEAP_MB = 1024;

export function recordPool(): WorkerQueue<string, RecordCheck> {
  return sharedQueue(
    "record",
    () =>
      new WorkerQueue<string, RecordCheck>({
        label: "Record check",
        maxWaiting: MAX_WAITING_RECORD_CHECKS,
        deadlineMs: RECORD_DEADLINE_MS,
        spawn: () => startTsWorker(RECORD_WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } }),
        fallback: null,
        busyMessage: "Several outcome records are being checked right now; try again in a moment.",
      }),
  );
}

export const closeRecordPool = (): Promise<void> => closeSharedQueue("record");
