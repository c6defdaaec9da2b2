// The version-delta worker thread: byte deltas of long texts and their states (see delta-pool.ts).
import { encodeDelta } from "../../lib/domain/version-chain-delta.ts";
import type { DeltaJob } from "./delta-pool.ts";
import { serveJobs } from "./worker-jobs.ts";

serveJobs(
  (job: DeltaJob): Uint8Array[] => job.map((p) => encodeDelta(p.base, p.target)),
  // Copied into fresh buffers so that each can be transferred whole.
  (result) => result.map((d) => d.buffer as ArrayBuffer),
);
