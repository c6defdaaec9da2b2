// Comparisons run in one worker thread, one at a time, with a short queue and a hard deadline
// (see worker-queue.ts): a huge or pathological comparison costs some waiting to those
// comparing, and nothing to sockets, other pages or /api/health.
import { wholeReplacement } from "../../lib/domain/text-diff.ts";
import type { DiffJob, DiffOutcome } from "./diff-messages.ts";
import { startTsWorker } from "./ts-worker.ts";
import { closeSharedQueue, sharedQueue, WorkerQueue, type WorkerQueueOptions } from "./worker-queue.ts";

/**
 * Comparisons that may wait while one runs. Any member (observers too) can ask for one; past
 * this many the server says so at once instead of letting requests pile up behind a worker that
 * needs up to a few seconds each — eight is more than a room of chairs comparing at once.
 */
export const MAX_WAITING_DIFFS = 8;

/**
 * How long one comparison may run before its worker is terminated and the coarsest answer (the
 * whole text replaced) is given. The worker's own budgets end it within a few seconds; this only
 * catches what they do not foresee, and must stay below what a person waits for a page.
 */
export const DIFF_DEADLINE_MS = 10_000;

export const DIFF_WORKER_FILE = "server/compute/diff-worker.ts";

/** Heap of the worker: a comparison that would need more fails alone, not the server. */
const WORKER_HEAP_MB = 512;

export type DiffPool = WorkerQueue<DiffJob, DiffOutcome>;

/** The answer when the worker could not give one: cheap for any text size, still attributed. */
function coarsest(job: DiffJob): DiffOutcome {
  return { level: "whole", parts: wholeReplacement(job.before, job.after, job.afterRuns), stats: null };
}

export function createDiffPool(opts: Partial<Pick<WorkerQueueOptions<DiffJob, DiffOutcome>, "maxWaiting" | "deadlineMs" | "spawn">> = {}): DiffPool {
  return new WorkerQueue({
    label: "Compare",
    maxWaiting: opts.maxWaiting ?? MAX_WAITING_DIFFS,
    deadlineMs: opts.deadlineMs ?? DIFF_DEADLINE_MS,
    spawn: opts.spawn ?? (() => startTsWorker(DIFF_WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })),
    fallback: coarsest,
    busyMessage: "Too many comparisons are running right now; try again in a moment.",
  });
}

export function diffPool(): DiffPool {
  return sharedQueue("diff", () => createDiffPool());
}

export const closeDiffPool = (): Promise<void> => closeSharedQueue("diff");
