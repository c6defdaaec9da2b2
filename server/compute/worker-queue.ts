// CPU work whose cost grows with what people write (comparing versions, merging a journal into
// a checkpoint) runs in a worker thread, one job at a time, with a short queue and a hard
// deadline. The main thread only hands the input over and takes the answer back, so a huge or
// pathological job costs waiting to whoever asked, and nothing to sockets, pages or /api/health.
import type { Worker } from "node:worker_threads";
import { AppError } from "../../lib/errors.ts";

export type WorkerQueueOptions<Job, Result> = {
  /** Who runs this (for log lines): "Compare", "Compaction". */
  label: string;
  /** Jobs that may wait while one runs; past it a job is refused with BUSY. */
  maxWaiting: number;
  /** A job running longer is given up and its worker terminated. */
  deadlineMs: number;
  spawn: () => Worker;
  /** The answer when the worker gives none (overran, crashed); null: the job fails instead. */
  fallback: ((job: Job) => Result) | null;
  /** What a refusal for a full queue says. */
  busyMessage: string;
};

/** What travels to the worker, and back (see serveJobs in worker-jobs.ts). */
export type JobRequest<Job> = { id: number; job: Job };
export type JobResponse<Result> = { id: number; ok: true; result: Result } | { id: number; ok: false; message: string };

type Waiting<Job, Result> = { job: Job; resolve: (r: Result) => void; reject: (e: unknown) => void };
type Running<Job, Result> = Waiting<Job, Result> & { id: number; timer: NodeJS.Timeout };

export class WorkerQueue<Job, Result> {
  readonly #opts: WorkerQueueOptions<Job, Result>;
  #worker: Worker | null = null;
  #running: Running<Job, Result> | null = null;
  readonly #waiting: Array<Waiting<Job, Result>> = [];
  #nextId = 1;
  #isClosed = false;

  constructor(opts: WorkerQueueOptions<Job, Result>) {
    this.#opts = opts;
  }

  /** Runs the job in the worker; refuses with BUSY when the queue is full. */
  run(job: Job): Promise<Result> {
    if (this.#isClosed) return Promise.reject(new AppError("UNAVAILABLE", "The server is shutting down; try again in a moment."));
    if (this.#running && this.#waiting.length >= this.#opts.maxWaiting) return Promise.reject(new AppError("BUSY", this.#opts.busyMessage));
    return new Promise<Result>((resolve, reject) => {
      this.#waiting.push({ job, resolve, reject });
      this.#startNext();
    });
  }

  /**
   * Starts the worker now, if it is not running, so that its start-up (a few hundred ms of CPU
   * on its own thread, loading its TypeScript) happens before the first job rather than during it.
   */
  warm(): void {
    if (this.#isClosed || this.#worker) return;
    try {
      this.#worker = this.#spawn();
      this.#worker.unref();
    } catch (e) {
      console.error(`${this.#opts.label}: the worker could not start (${(e as Error).message}).`);
    }
  }

  /** Stops the worker; jobs still waiting are refused. */
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
      this.#answerWithout(next, `could not start (${(e as Error).message})`);
      return this.#startNext();
    }
    // Busy, the worker keeps the process alive (a script awaiting its answer); idle, it does not.
    worker.ref();
    const id = this.#nextId++;
    const timer = setTimeout(() => this.#fail(`took longer than ${this.#opts.deadlineMs} ms`), this.#opts.deadlineMs);
    this.#running = { ...next, id, timer };
    worker.postMessage({ id, job: next.job } satisfies JobRequest<Job>);
  }

  #spawn(): Worker {
    const worker = this.#opts.spawn();
    worker.on("message", (m: JobResponse<Result>) => {
      if (worker !== this.#worker || m.id !== this.#running?.id) return;
      const running = this.#running;
      this.#settle();
      if (m.ok) running.resolve(m.result);
      else this.#answerWithout(running, `failed (${m.message})`);
    });
    worker.on("error", (e) => worker === this.#worker && this.#fail(`failed: ${e.message}`));
    worker.on("exit", (code) => worker === this.#worker && this.#fail(`stopped (exit code ${code})`));
    return worker;
  }

  /** The worker overran, crashed or exited: replace it, and answer without it. */
  #fail(reason: string): void {
    const worker = this.#worker;
    this.#worker = null;
    void worker?.terminate();
    const running = this.#running;
    if (!running) return;
    this.#settle();
    this.#answerWithout(running, `worker ${reason}`);
  }

  #answerWithout(w: Waiting<Job, Result>, reason: string): void {
    const { fallback, label } = this.#opts;
    console.error(`${label}: the ${reason}${fallback ? "; answering without it" : ""}.`);
    if (fallback) w.resolve(fallback(w.job));
    else w.reject(new AppError("UNAVAILABLE", `${label} could not run: ${reason}`));
  }

  #settle(): void {
    clearTimeout(this.#running!.timer);
    this.#running = null;
    if (this.#waiting.length === 0) this.#worker?.unref();
    // After the current answer is handed on (resolve callbacks run before the next job's reply).
    queueMicrotask(() => this.#startNext());
  }
}

/** One queue per process and name, kept on globalThis: Next bundles its own copy of modules. */
export function sharedQueue<Job, Result>(name: string, create: () => WorkerQueue<Job, Result>): WorkerQueue<Job, Result> {
  const key = Symbol.for(`accord.workerQueue.${name}`);
  const holder = globalThis as { [key: symbol]: WorkerQueue<Job, Result> | undefined };
  return (holder[key] ??= create());
}

/** Stops a shared queue's worker (scripts and tests that want to exit cleanly); a later job starts a new one. */
export async function closeSharedQueue(name: string): Promise<void> {
  const key = Symbol.for(`accord.workerQueue.${name}`);
  const holder = globalThis as { [key: symbol]: WorkerQueue<unknown, unknown> | undefined };
  const queue = holder[key];
  delete holder[key];
  await queue?.close();
}
