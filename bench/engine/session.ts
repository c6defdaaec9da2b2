// `npm run bench -- profile|scenario NAME… [--baseline y-websocket] [--runs N] [--json FILE]`:
// for each load, N runs of fresh servers (Accord, then y-websocket right after it, so a pair
// shares the machine's conditions), each driven by the one run engine (run-target.ts); the
// report is the median over runs, with every run's own figures kept.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import type { Load } from "../cli.ts";
import { describePreset } from "../presets.ts";
import { formatRatio, formatRunLine, formatTable, formatTarget } from "../report-text.ts";
import { AGGREGATE_RULE, BASELINE_IMPL, foldRuns, hasFailed, loadFields, ratioOf, type BenchReport, type RunPair, type TargetResult } from "../result.ts";
import type { Transport } from "../transport.ts";
import { runTarget } from "./run-target.ts";
import { startAccord, startBaseline } from "./targets.ts";

export type SessionOptions = { loads: Load[]; baseline: "y-websocket" | null; runs: number; json: string | null };
type Log = (line: string) => void;

let active: Transport | null = null;
// Ctrl-C must not leave a server process, a temp dir or a scratch database behind. Installed only
// while a session runs: a handler of another command's would otherwise exit before its cleanup.
const onSigint = () => {
  void (active?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
};

async function runOn(start: Promise<Transport>, load: Load, log: Log): Promise<TargetResult> {
  const t = await start;
  active = t;
  try {
    return await runTarget(t, load, log);
  } finally {
    await t.stop();
    active = null;
  }
}

const machine = () => ({ cores: cpus().length, cpu: cpus()[0]?.model ?? "?", node: process.version, platform: `${process.platform} ${process.arch}` });

async function runLoad(load: Load, opts: SessionOptions, log: Log): Promise<BenchReport> {
  log(`\n${load.name}: ${describePreset(load)}; ${opts.runs} run${opts.runs === 1 ? "" : "s"}${opts.baseline ? `, baseline ${opts.baseline}` : ""}`);
  // Several runs: a few lines per run as they go; the full blocks are for the reported (median) figures.
  const isPerRun = opts.runs > 1;
  const pairs: RunPair[] = [];
  for (let run = 1; run <= opts.runs; run++) {
    if (isPerRun) log(`\nrun ${run}/${opts.runs}`);
    const pair: RunPair = { run, accord: await runOn(startAccord(load), load, log) };
    if (isPerRun) log(formatRunLine(pair.accord));
    if (opts.baseline) {
      pair.baseline = await runOn(startBaseline(load), load, log);
      pair.ratio = ratioOf(pair.accord, pair.baseline);
      if (isPerRun) log(`${formatRunLine(pair.baseline)}\n${formatRatio(pair.ratio)}`);
    }
    pairs.push(pair);
  }
  const ours = foldRuns(pairs.map((p) => p.accord));
  const base = opts.baseline ? foldRuns(pairs.map((p) => p.baseline!)) : null;
  const report: BenchReport = {
    ...loadFields(load),
    runs: opts.runs,
    aggregate: opts.runs > 1 ? AGGREGATE_RULE : "single run",
    ...ours,
    ...(base ? { baseline: { ...base, server_impl: BASELINE_IMPL }, ratio: ratioOf(ours, base) } : {}),
    per_run: pairs,
    noisy_runs: pairs.flatMap((p) => [...(p.accord.noisy ? [`${p.run}:accord`] : []), ...(p.baseline?.noisy ? [`${p.run}:y-websocket`] : [])]),
    machine: machine(),
    date: new Date().toISOString(),
  };
  log(`\n${formatTarget(report, report)}`);
  if (report.baseline) log(`${formatTarget(report, report.baseline)}\n${formatRatio(report.ratio!)}`);
  return report;
}

/** Exit code: 0 when every load's Accord runs converged, lost nothing and never stalled over 1 s. */
export async function runSession(opts: SessionOptions, log: Log = console.log): Promise<number> {
  const reports: BenchReport[] = [];
  process.once("SIGINT", onSigint);
  try {
    for (const load of opts.loads) reports.push(await runLoad(load, opts, log));
  } finally {
    process.off("SIGINT", onSigint);
  }
  if (reports.length > 1) log(`\n${formatTable(reports)}`);
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2)}\n`);
    log(`\nwrote ${opts.json}`);
  }
  return reports.some(hasFailed) ? 1 : 0;
}
