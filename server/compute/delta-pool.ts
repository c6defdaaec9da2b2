// Deltas between versions of long texts are worked out in one worker thread (see worker-queue.ts):
// linear, but a text of megabytes (and its state) takes a few hundred ms, which on the event loop
// would stall every room. Short texts are done inline (server/services/history/version-store.ts).
import { startTsWorker } from "./ts-worker.ts";
import { closeSharedQueue, sharedQueue, WorkerQueue } from "./worker-queue.ts";

export const DELTA_WORKER_FILE = "server/compute/delta-worker.ts";

/** Each pair: the delta that turns `base` into `target`. */
export type DeltaJob = Array<{ base: Uint8Array; target: Uint8Array }>;

/** Cuts of long texts that may wait while one is worked out; past it a version simply stays whole. */
const MAX_WAITING_DELTAS = 16;
/** Far longer than the largest input allowed takes (MAX_DELTA_INPUT_BYTES); then the version stays whole. */
const DELTA_DEADLINE_MS = 20_000;

export function deltaPool(): WorkerQueue<DeltaJob, Uint8Array[]> {
  return sharedQueue(
    "delta",
    () =>
      new WorkerQueue<DeltaJob, Uint8Array[]>({
        label: "Version deltas",
        maxWaiting: MAX_WAITING_DELTAS,
        deadlineMs: DELTA_DEADLINE_MS,
        spawn: () => startTsWorker(DELTA_WORKER_FILE),
        fallback: null,
        busyMessage: "Too many long versions are being stored at once.",
      }),
  );
}

export const closeDeltaPool = (): Promise<void> => closeSharedQueue("delta");
