// The worker side of WorkerQueue: answer each job with the handler's result, or say why not.
import { parentPort } from "node:worker_threads";
import type { JobRequest, JobResponse } from "./worker-queue.ts";

export function serveJobs<Job, Result>(handle: (job: Job) => Result, transferOf: (result: Result) => ArrayBuffer[] = () => []): void {
  const port = parentPort;
  if (!port) throw new Error("this module runs as a worker thread (see worker-queue.ts)");
  port.on("message", ({ id, job }: JobRequest<Job>) => {
    let response: JobResponse<Result>;
    let transfer: ArrayBuffer[] = [];
    try {
      const result = handle(job);
      response = { id, ok: true, result };
      transfer = transferOf(result);
    } catch (e) {
      response = { id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    port.postMessage(response, transfer);
  });
}
