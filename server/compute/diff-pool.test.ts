// The diff pool: the real worker answers what the domain computes; a worker that overruns,
// crashes or is swamped gets the coarsest answer or a clear refusal, never a stuck request.
import { Worker } from "node:worker_threads";
import { afterEach, describe, expect, it } from "vitest";
import { diffStats, diffTexts, wholeReplacement } from "../../lib/domain/text-diff";
import { createDiffPool, MAX_WAITING_DIFFS, type DiffPool } from "./diff-pool";
import type { DiffJob } from "./diff-messages";
import { startTsWorker } from "./ts-worker";

const pools: DiffPool[] = [];
afterEach(async () => {
  for (const p of pools.splice(0)) await p.close();
});
function pool(opts: Parameters<typeof createDiffPool>[0] = {}): DiffPool {
  const p = createDiffPool(opts);
  pools.push(p);
  return p;
}

/** A stand-in worker written in plain JavaScript, for behaviour the real one must never show. */
const fakeWorker = (onMessage: string) => () => new Worker(`require("node:worker_threads").parentPort.on("message", ({ id, job: m }) => { ${onMessage} });`, { eval: true });
const NEVER_ANSWERS = fakeWorker("for (;;) {}");
const THROWS = fakeWorker(`throw new Error("boom");`);

const job: DiffJob = {
  before: "The Parties share data monthly.\nMeet in Tokyo.",
  after: "The Parties share health data every month.\nMeet in Tokyo.",
  afterRuns: [
    { length: 18, author: null },
    { length: 7, author: "JPN" },
  ],
};

describe("DiffPool", () => {
  it("compares in the TypeScript worker and answers exactly what the domain computes", async () => {
    const outcome = await pool().run(job);
    const expected = diffTexts(job.before, job.after, job.afterRuns);
    expect(outcome).toEqual({ ...expected, stats: diffStats(expected.parts) });
    expect(outcome.level).toBe("word");
    expect(outcome.parts).toContainEqual({ kind: "insert", text: "health ", author: "JPN" });
  });

  it("answers several comparisons in turn from one worker", async () => {
    let started = 0;
    const p = pool({ spawn: () => (started++, startTsWorker("server/compute/diff-worker.ts")) });
    const answers = await Promise.all([p.run(job), p.run({ ...job, after: "Other." }), p.run(job)]);
    expect(answers.map((a) => a.level)).toEqual(["word", "word", "word"]);
    expect(answers[1]!.parts).toEqual(diffTexts(job.before, "Other.", job.afterRuns).parts);
    expect(started).toBe(1);
  });

  it("terminates a worker that overruns the deadline, answers the whole text replaced, and starts afresh", async () => {
    let started = 0;
    const p = pool({ deadlineMs: 50, spawn: () => (started++, NEVER_ANSWERS()) });
    const first = await p.run(job);
    expect(first).toEqual({ level: "whole", parts: wholeReplacement(job.before, job.after, job.afterRuns), stats: null });
    expect(first.parts).toContainEqual({ kind: "insert", text: "health ", author: "JPN" });
    await p.run(job);
    expect(started).toBe(2);
  });

  it("answers the whole text replaced when the worker crashes", async () => {
    const outcome = await pool({ spawn: THROWS }).run(job);
    expect(outcome).toMatchObject({ level: "whole", stats: null });
  });

  it(`keeps at most ${MAX_WAITING_DIFFS} comparisons waiting and refuses the next one clearly`, async () => {
    const p = pool({ deadlineMs: 60_000, spawn: NEVER_ANSWERS });
    const accepted = Array.from({ length: 1 + MAX_WAITING_DIFFS }, () => p.run(job));
    const settled = accepted.map((a) => a.catch((e: unknown) => e));
    await expect(p.run(job)).rejects.toMatchObject({ name: "AppError", code: "BUSY", message: expect.stringMatching(/Too many comparisons/) });
    await p.close();
    // Closing refuses what was still running or waiting; nothing is left hanging.
    for (const e of await Promise.all(settled)) expect(e).toMatchObject({ code: "UNAVAILABLE" });
  });
});
