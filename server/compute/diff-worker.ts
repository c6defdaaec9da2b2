// The diff worker thread: compares two texts within its own budgets and answers. It runs off
// the main thread so a long comparison never stalls sockets or page requests (a 10,000-word
// paragraph rewritten once took 164 s inside the server's event loop).
import { performance } from "node:perf_hooks";
import { DEFAULT_DIFF_BUDGET, diffStats, diffTexts } from "../../lib/domain/text-diff.ts";
import type { DiffJob, DiffOutcome } from "./diff-messages.ts";
import { serveJobs } from "./worker-jobs.ts";

// Wall-clock budgets on top of the size budgets, for slow machines and input shapes the size
// budgets do not foresee. Together (with tokenizing and counting words) they stay far below the
// queue's hard deadline, which only a runaway worker should ever meet.
const LINE_LEVEL_MS = 1_000;
const WORD_LEVEL_MS = 2_000;

serveJobs((job: DiffJob): DiffOutcome => {
  const clock = { now: () => performance.now(), lineMs: LINE_LEVEL_MS, wordMs: WORD_LEVEL_MS };
  const diff = diffTexts(job.before, job.after, job.afterRuns, { ...DEFAULT_DIFF_BUDGET, clock });
  return { ...diff, stats: diffStats(diff.parts) };
});
