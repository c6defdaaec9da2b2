// The diff worker thread: compares two texts within its own budgets and answers. It runs off
// the main thread so a long comparison never stalls sockets or page requests (a 10,000-word
// paragraph rewritten once took 164 s inside the server's event loop).
import { parentPort } from "node:worker_threads";
import { performance } from "node:perf_hooks";
import { DEFAULT_DIFF_BUDGET, diffStats, diffTexts } from "../../lib/domain/text-diff.ts";
import type { DiffRequest, DiffResponse } from "./diff-messages.ts";

// Wall-clock budgets on top of the size budgets, for slow machines and input shapes the size
// budgets do not foresee. Together (with tokenizing and counting words) they stay far below the
// pool's hard deadline, which only a runaway worker should ever meet.
const LINE_LEVEL_MS = 1_000;
const WORD_LEVEL_MS = 2_000;

const port = parentPort;
if (!port) throw new Error("diff-worker.ts runs as a worker thread (see diff-pool.ts)");

port.on("message", (request: DiffRequest) => {
  let response: DiffResponse;
  try {
    const clock = { now: () => performance.now(), lineMs: LINE_LEVEL_MS, wordMs: WORD_LEVEL_MS };
    const diff = diffTexts(request.before, request.after, request.afterRuns, { ...DEFAULT_DIFF_BUDGET, clock });
    response = { id: request.id, ok: true, outcome: { ...diff, stats: diffStats(diff.parts) } };
  } catch (e) {
    response = { id: request.id, ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(response);
});
