// Exports are laid out in one worker thread (see worker-queue.ts), one at a time, with a short
// queue, a deadline and a heap of their own: a huge text costs whoever downloads it some
// waiting, and nothing to sockets, pages or other rooms.
import type { RenderJob } from "../../lib/export/render.ts";
import { startTsWorker } from "./ts-worker.ts";
import { closeSharedQueue, sharedQueue, WorkerQueue, type WorkerQueueOptions } from "./worker-queue.ts";

export const EXPORT_WORKER_FILE = "server/compute/export-worker.ts";

/**
 * Downloads that may wait while one is laid out. At the end of a session every delegation may
 * download at once: a 100k-character PDF takes about a second, so a dozen waiting is seconds.
 */
export const MAX_WAITING_EXPORTS = 12;

/** Longer than any honest export takes here (a 100k-character PDF ≈ 1–2 s); then it fails alone. */
export const EXPORT_DEADLINE_MS = 30_000;

/** Heap of the worker: the document model, the fonts (≈ 20 MB) and the file being built. */
const WORKER_HEAP_MB = 768;

export type ExportPool = WorkerQueue<RenderJob, Uint8Array>;

export function createExportPool(opts: Partial<Pick<WorkerQueueOptions<RenderJob, Uint8Array>, "maxWaiting" | "deadlineMs" | "spawn">> = {}): ExportPool {
  return new WorkerQueue<RenderJob, Uint8Array>({
    label: "Export",
    maxWaiting: opts.maxWaiting ?? MAX_WAITING_EXPORTS,
    deadlineMs: opts.deadlineMs ?? EXPORT_DEADLINE_MS,
    spawn: opts.spawn ?? (() => startTsWorker(EXPORT_WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })),
    // No half answer for a file: the download fails with a message and can be retried.
    fallback: null,
    busyMessage: "Many downloads are being prepared right now; try again in a moment.",
  });
}

export function exportPool(): ExportPool {
  return sharedQueue("export", () => createExportPool());
}

export const closeExportPool = (): Promise<void> => closeSharedQueue("export");

/** Lays out the file off the main thread; the model is copied to the worker, the bytes come back. */
export function renderOffThread(job: RenderJob): Promise<Uint8Array> {
  return exportPool().run(job);
}
