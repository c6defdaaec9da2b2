// Starting texts are converted in one worker thread (see worker-queue.ts), one at a time, with
// a short queue, a hard deadline and a heap of its own: a huge or hostile file (a zip that
// unpacks to gigabytes, Markdown built to make a parser crawl) costs the chair who sent it some
// waiting and an error, and nothing to sockets, pages or other imports.
import type { StartingTextResult, StartingTextSource } from "../../lib/document/starting-text.ts";
import { startTsWorker } from "./ts-worker.ts";
import { closeSharedQueue, sharedQueue, WorkerQueue, type WorkerQueueOptions } from "./worker-queue.ts";

export const IMPORT_WORKER_FILE = "server/compute/import-worker.ts";

/** Only chairs create proposals: a few at once is already a busy session. */
export const MAX_WAITING_IMPORTS = 4;

/**
 * A 2 MB Word file converts in a few seconds here at most; past this the worker is terminated
 * and the chair told the file could not be read.
 */
export const IMPORT_DEADLINE_MS = 20_000;

/**
 * The worker's heap. A 2 MB .docx holds at most a few tens of MB of XML when honest; one that
 * unpacks to more fails alone (the worker is replaced), not the server.
 */
const WORKER_HEAP_MB = 256;

export type ImportPool = WorkerQueue<StartingTextSource, StartingTextResult>;

export function createImportPool(opts: Partial<Pick<WorkerQueueOptions<StartingTextSource, StartingTextResult>, "maxWaiting" | "deadlineMs" | "spawn">> = {}): ImportPool {
  return new WorkerQueue<StartingTextSource, StartingTextResult>({
    label: "Import",
    maxWaiting: opts.maxWaiting ?? MAX_WAITING_IMPORTS,
    deadlineMs: opts.deadlineMs ?? IMPORT_DEADLINE_MS,
    spawn: opts.spawn ?? (() => startTsWorker(IMPORT_WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })),
    // The worker overran, ran out of memory or crashed: the input is what it could not read.
    fallback: () => ({ ok: false, problem: "the text could not be read within the server's limits (time and memory). Try a smaller file." }),
    busyMessage: "Several proposals are being created right now; try again in a moment.",
  });
}

export function importPool(): ImportPool {
  return sharedQueue("import", () => createImportPool());
}

export const closeImportPool = (): Promise<void> => closeSharedQueue("import");

/** Converts off the main thread (the source is copied to the worker; the caller's buffers stay usable). */
export function convertOffThread(source: StartingTextSource): Promise<StartingTextResult> {
  return importPool().run(source);
}
