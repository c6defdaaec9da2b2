// `npm run bench -- exports`: issue 19's speed targets, measured through the real use cases on
// a real SQLite database — a 100,000-character proposal (with open amendments, brackets and
// comment threads on it) to Word (≤ 1 s) and to PDF (≤ 3 s), and the outcome record of a
// workshop of 20 decided proposals (≤ 5 s). Server time is the use case's wall time: reading
// the database, building the model and laying the file out in the export worker. Peak memory
// is the process's resident set (the worker thread's heap included), sampled every 5 ms.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, tuneSqlite, type Db } from "../../lib/db.ts";
import { closeExportPool, exportPool } from "../../server/compute/export-pool.ts";
import { applyMigrations } from "../../server/migrate.ts";
import { exportProposal } from "../../server/services/exports/export-proposal.ts";
import { median, round } from "../stats.ts";
import { met } from "../shared-report.ts";
import { seedNegotiatedText } from "./fixture.ts";
import { seedDecidedWorkshop, timeOutcomeRecord } from "./outcome.ts";

const MB = 1024 * 1024;
/** The highest RSS any sample saw, for the whole run (the worker's fonts stay loaded between files). */
let processPeak = 0;

/** Runs `fn`, sampling RSS every 5 ms: wall time and the peak above the RSS before it. */
async function measured<T>(fn: () => Promise<T>): Promise<{ ms: number; peakMb: number; result: T }> {
  const before = process.memoryUsage.rss();
  let peak = before;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage.rss());
    processPeak = Math.max(processPeak, peak);
  }, 5);
  const t = performance.now();
  try {
    const result = await fn();
    const ms = performance.now() - t;
    peak = Math.max(peak, process.memoryUsage.rss());
    return { ms, peakMb: (peak - before) / MB, result };
  } finally {
    clearInterval(timer);
  }
}

type Figure = { name: string; medianMs: number; maxMs: number; peakRssMb: number; bytes: number; targetMs: number };

async function series(name: string, runs: number, targetMs: number, fn: () => Promise<{ bytes: Uint8Array } | { bytes: number }>): Promise<Figure> {
  const times: number[] = [];
  let peak = 0;
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const m = await measured(fn);
    times.push(m.ms);
    peak = Math.max(peak, m.peakMb);
    bytes = typeof m.result.bytes === "number" ? m.result.bytes : m.result.bytes.byteLength;
  }
  return { name, medianMs: round(median(times), 0), maxMs: round(Math.max(...times), 0), peakRssMb: round(peak, 1), bytes, targetMs };
}

async function seedText(db: Db) {
  const w = await db.workshop.create({ data: { title: "Exports bench", timeZone: "Asia/Tokyo" } });
  const delegations = await Promise.all(
    [["China", "CHN"], ["Japan", "JPN"], ["Republic of Korea", "KOR"], ["ASEAN", "ASEAN"]].map(([name, code], i) =>
      db.delegation.create({ data: { workshopId: w.id, name: name!, code: code!, colour: ["#c2410c", "#be185d", "#1d4ed8", "#047857"][i]! } }),
    ),
  );
  const u = await db.user.create({ data: { email: "reader@bench", name: "Reader One", passwordHash: "x" } });
  await db.member.create({ data: { workshopId: w.id, userId: u.id, role: "DELEGATE", delegationId: delegations[1]!.id } });
  const p = await db.proposal.create({ data: { workshopId: w.id, title: "SME financing and capital-chain continuity", position: 0 } });
  const seeded = await seedNegotiatedText(db, { proposalId: p.id, chars: 100_000, authorId: u.id, delegationIds: delegations.map((d) => d.id), amendments: 40, brackets: 20, threads: 60 });
  return { userId: u.id, proposalId: p.id, seeded };
}

export async function runExportsBench(opts: { runs: number; json: string | null; log: (line: string) => void }): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), "accord-bench-exports-"));
  const url = `file:${join(dir, "exports.db")}`;
  try {
    await applyMigrations(url);
    const db = createDb(url);
    await tuneSqlite(db);
    const text = await seedText(db);
    opts.log(`exports: a ${text.seeded.chars}-character proposal with ${text.seeded.amendments} open amendments, ${text.seeded.brackets} brackets (2 options each), ${text.seeded.threads} comment threads; ${opts.runs} runs each (SQLite)`);
    // The worker starts once per server; its start-up is not any one download's cost.
    exportPool().warm();
    const ask = (format: "docx" | "pdf" | "md") => () => exportProposal({ db, userId: text.userId, proposalId: text.proposalId, version: null, format, paper: "A4", withDelegationComments: false });
    await ask("md")();
    const figures: Figure[] = [];
    figures.push(await series("100k characters → Word (.docx)", opts.runs, 1000, ask("docx")));
    figures.push(await series("100k characters → PDF (A4)", opts.runs, 3000, ask("pdf")));
    figures.push(await series("100k characters → Markdown", opts.runs, 1000, ask("md")));
    const workshop = await seedDecidedWorkshop(db, { proposals: 20, charsEach: 5_000 });
    opts.log(`outcome record: ${workshop.proposals} proposals (${workshop.adopted} adopted by open ballot, the rest drafting or withdrawn), ${workshop.charsEach} characters each`);
    for (const format of ["json", "docx", "pdf"] as const) {
      figures.push(await series(`outcome record (20 proposals) → ${format.toUpperCase()}`, opts.runs, 5000, () => timeOutcomeRecord(db, workshop, format)));
    }
    opts.log("");
    opts.log(`  ${"export".padEnd(42)} ${"median".padStart(8)} ${"max".padStart(8)} ${"peak RSS".padStart(10)} ${"file".padStart(9)}  target`);
    for (const f of figures) {
      opts.log(
        `  ${f.name.padEnd(42)} ${`${f.medianMs} ms`.padStart(8)} ${`${f.maxMs} ms`.padStart(8)} ${`+${f.peakRssMb} MB`.padStart(10)} ${`${round(f.bytes / 1024, 0)} KB`.padStart(9)}  ≤ ${f.targetMs} ms ${met(f.medianMs <= f.targetMs)}`,
      );
    }
    opts.log(`  process RSS: peak ${round(processPeak / MB, 0)} MB over the run (the export worker's fonts stay loaded between files)`);
    if (opts.json) writeFileSync(opts.json, JSON.stringify({ command: "exports", chars: text.seeded.chars, runs: opts.runs, processPeakRssMb: round(processPeak / MB, 0), figures }, null, 2));
    await db.$disconnect();
    return 0;
  } finally {
    await closeExportPool();
    rmSync(dir, { recursive: true, force: true });
  }
}
