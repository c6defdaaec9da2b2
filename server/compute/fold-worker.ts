// The compaction worker thread: merges a checkpoint and journal rows into the next checkpoint.
// Off the main thread because the merge grows with the text (25–100 ms for a 250 KB state, more
// for longer texts, every thousand journal rows).
import { foldIntoCheckpoint, unpackRows, type Checkpoint } from "../../lib/document/checkpoint.ts";
import type { FoldJob } from "./fold-pool.ts";
import { serveJobs } from "./worker-jobs.ts";

serveJobs(
  (job: FoldJob): Checkpoint => foldIntoCheckpoint(job.previous, unpackRows(job.rows)),
  (result) => [result.state.buffer as ArrayBuffer],
);
