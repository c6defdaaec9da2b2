// The worker side of WorkerQueue: answer each job with the handler's result, or say why not.
import { parentPort } from "node:worker_threads";
import type { JobRequest, JobResponse } from "./worker-queue.ts";

/**
 * `handle` may answer at once or with a promise (a parser with an asynchronous API); either way
 * the queue sends the next job only after this one's answer.
 */
export function serveJobs<Job, Result>(handle: (job: Job) => Result | Promise<Result>, transferOf: (result: Result) => ArrayBuffer[] = () => []): void {
  const port = parentPort;
  if (!port) throw new Error("this module runs as a worker thread (see worker-queue.ts)");
  const fail = (id: number, e: unknown) => port.postMessage({ id, ok: false, message: e instanceof Error ? e.message : String(e) } satisfies JobResponse<Result>);
  const answer = (id: number, result: Result) => {
    let transfer: ArrayBuffer[];
    try {
      transfer = transferOf(result);
    } catch (e) {
      return fail(id, e);
    }
    port.postMessage({ id, ok: true, result } satisfies JobResponse<Result>, transfer);
  };
  port.on("message", ({ id, job }: JobRequest<Job>) => {
    let result: Result | Promise<Result>;
    try {
      result = handle(job);
    } catch (e) {
      return fail(id, e);
    }
    if (result instanceof Promise) result.then((r) => answer(id, r), (e: unknown) => fail(id, e));
    else answer(id, result);
  });
}
