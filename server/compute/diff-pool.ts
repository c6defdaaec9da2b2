// Comparisons run in one worker thread, one at a time, with a short queue and a hard deadline.
// The main thread only hands texts over and takes parts back, so a huge or pathological
// comparison costs some waiting to those comparing, and nothing to sockets, other pages or
// /api/health.
import type { Worker } from "node:worker_threads";
import { wholeReplacement } from "../../lib/domain/text-diff.ts";
import { AppError } from "../../lib/errors.ts";
import type { DiffJob, DiffOutcome, DiffRequest, DiffResponse } from "./diff-messages.ts";
import { startTsWorker } from "./ts-worker.ts";

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

/** Heap of the worker: a comparison that would need more fails alone, not the server. */
const WORKER_HEAP_MB = 512;

const WORKER_FILE = "server/compute/diff-worker.ts";

export type DiffPoolOptions = { maxWaiting: number; deadlineMs: number; spawn: () => Worker };

type Waiting = { job: DiffJob; resolve: (outcome: DiffOutcome) => void; reject: (error: unknown) => void };
type Running = Waiting & { id: number; timer: NodeJS.Timeout };

/** The answer when the worker could not give one: cheap for any text size, still attributed. */
function coarsest(job: DiffJob): DiffOutcome {
  return { level: "whole", parts: wholeReplacement(job.before, job.after, job.afterRuns), stats: null };
}

export class DiffPool {
  readonly #opts: DiffPoolOptions;
  #worker: Worker | null = null;
  #running: Running | null = null;
  readonly #waiting: Waiting[] = [];
  #nextId = 1;
  #isClosed = false;

  constructor(opts: Partial<DiffPoolOptions> = {}) {
    this.#opts = {
      maxWaiting: opts.maxWaiting ?? MAX_WAITING_DIFFS,
      deadlineMs: opts.deadlineMs ?? DIFF_DEADLINE_MS,
      spawn: opts.spawn ?? (() => startTsWorker(WORKER_FILE, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })),
    };
  }

  /** Compares in the worker; refuses with BUSY when the queue is full. */
  run(job: DiffJob): Promise<DiffOutcome> {
    if (this.#isClosed) return Promise.reject(new AppError("UNAVAILABLE", "The server is shutting down; try again in a moment."));
    if (this.#running && this.#waiting.length >= this.#opts.maxWaiting) {
      return Promise.reject(new AppError("BUSY", "Too many comparisons are running right now; try again in a moment."));
    }
    return new Promise<DiffOutcome>((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      this.#startNext();
    });
  }

  /** Stops the worker; comparisons still waiting are refused. */
  async close(): Promise<void> {
    this.#isClosed = true;
    const worker = this.#worker;
    this.#worker = null;
    const stopped = new AppError("UNAVAILABLE", "The server is shutting down; try again in a moment.");
    if (this.#running) {
      clearTimeout(this.#running.timer);
      this.#running.reject(stopped);
      this.#running = null;
    }
    for (const w of this.#waiting.splice(0)) w.reject(stopped);
    await worker?.terminate();
  }

  #startNext(): void {
    if (this.#running) return;
    const next = this.#waiting.shift();
    if (!next) return;
    let worker: Worker;
    try {
      worker = this.#worker ??= this.#spawn();
    } catch (e) {
      console.error(`Compare: the diff worker could not start (${(e as Error).message}); answering with the whole text replaced.`);
      next.resolve(coarsest(next.job));
      return this.#startNext();
    }
    // Busy, the worker keeps the process alive (a script awaiting its answer); idle, it does not.
    worker.ref();
    const id = this.#nextId++;
    const timer = setTimeout(() => this.#fail(`took longer than ${this.#opts.deadlineMs} ms`), this.#opts.deadlineMs);
    this.#running = { ...next, id, timer };
    worker.postMessage({ id, ...next.job } satisfies DiffRequest);
  }

  #spawn(): Worker {
    const worker = this.#opts.spawn();
    worker.on("message", (m: DiffResponse) => {
      if (worker !== this.#worker || m.id !== this.#running?.id) return;
      if (m.ok) this.#finish(m.outcome);
      else {
        console.error(`Compare: the diff failed (${m.message}); answering with the whole text replaced.`);
        this.#finish(coarsest(this.#running.job));
      }
    });
    worker.on("error", (e) => worker === this.#worker && this.#fail(`failed: ${e.message}`));
    worker.on("exit", (code) => worker === this.#worker && this.#fail(`stopped (exit code ${code})`));
    return worker;
  }

  /** The worker overran, crashed or exited: replace it, and answer the coarsest level. */
  #fail(reason: string): void {
    const worker = this.#worker;
    this.#worker = null;
    void worker?.terminate();
    const running = this.#running;
    if (!running) return;
    console.error(`Compare: the diff worker ${reason}; answering with the whole text replaced.`);
    this.#finish(coarsest(running.job));
  }

  #finish(outcome: DiffOutcome): void {
    const running = this.#running;
    if (!running) return;
    clearTimeout(running.timer);
    this.#running = null;
    running.resolve(outcome);
    if (this.#waiting.length === 0) this.#worker?.unref();
    this.#startNext();
  }
}

// One pool per process, kept on globalThis: Next bundles its own copy of this module for the
// pages, and "one worker, eight waiting" only protects the server if every copy shares it.
const SHARED = Symbol.for("accord.diffPool");

const holder = globalThis as { [SHARED]?: DiffPool };

export function diffPool(): DiffPool {
  return (holder[SHARED] ??= new DiffPool());
}

/** Stops the shared pool's worker (scripts and tests that want to exit cleanly); a later compare starts a new one. */
export async function closeDiffPool(): Promise<void> {
  const pool = holder[SHARED];
  delete holder[SHARED];
  await pool?.close();
}
