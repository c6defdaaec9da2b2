// `npm run bench -- profile|scenario NAME… [--baseline y-websocket,hocuspocus,…] [--runs N] [--json FILE]`:
// for each load, N runs of fresh servers (Accord, then each baseline right after it, so a run's
// servers share the machine's conditions), each driven by the one run engine (run-target.ts); the
// report is the median over runs, with every run's own figures kept.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import type { Load } from "../cli.ts";
import { describePreset } from "../presets.ts";
import { formatRatio, formatRunLine, formatTable, formatTarget } from "../report-text.ts";
import { AGGREGATE_RULE, BASELINE_IMPLS, foldRuns, hasFailed, loadFields, ratioOf, type BaselineName, type BenchReport, type RunPair, type TargetResult } from "../result.ts";
import type { Transport } from "../transport.ts";
import { runTarget } from "./run-target.ts";
import { startAccord, startBaseline } from "./targets.ts";

export type SessionOptions = { loads: Load[]; baselines: BaselineName[]; runs: number; json: string | null };
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
  log(`\n${load.name}: ${describePreset(load)}; ${opts.runs} run${opts.runs === 1 ? "" : "s"}${opts.baselines.length > 0 ? `, baseline ${opts.baselines.join(", ")}` : ""}`);
  // Several runs: a few lines per run as they go; the full blocks are for the reported (median) figures.
  const isPerRun = opts.runs > 1;
  const pairs: RunPair[] = [];
  for (let run = 1; run <= opts.runs; run++) {
    if (isPerRun) log(`\nrun ${run}/${opts.runs}`);
    const pair: RunPair = { run, accord: await runOn(startAccord(load), load, log) };
    if (isPerRun) log(formatRunLine(pair.accord));
    for (const name of opts.baselines) {
      const result = await runOn(startBaseline(load, name), load, log);
      const ratio = ratioOf(pair.accord, result);
      (pair.baselines ??= {})[name] = result;
      (pair.ratios ??= {})[name] = ratio;
      // baseline/ratio keep their meaning of before (y-websocket's) for older readers.
      if (name === "y-websocket") Object.assign(pair, { baseline: result, ratio });
      if (isPerRun) log(`${formatRunLine(result)}\n${formatRatio(ratio, name)}`);
    }
    pairs.push(pair);
  }
  const ours = foldRuns(pairs.map((p) => p.accord));
  const baselines: NonNullable<BenchReport["baselines"]> = {};
  const ratios: NonNullable<BenchReport["ratios"]> = {};
  for (const name of opts.baselines) {
    baselines[name] = { ...foldRuns(pairs.map((p) => p.baselines![name]!)), server_impl: BASELINE_IMPLS[name] };
    ratios[name] = ratioOf(ours, baselines[name]);
  }
  const report: BenchReport = {
    ...loadFields(load),
    runs: opts.runs,
    aggregate: opts.runs > 1 ? AGGREGATE_RULE : "single run",
    ...ours,
    ...(baselines["y-websocket"] ? { baseline: baselines["y-websocket"], ratio: ratios["y-websocket"] } : {}),
    ...(opts.baselines.length > 0 ? { baselines, ratios } : {}),
    per_run: pairs,
    noisy_runs: pairs.flatMap((p) => [p.accord, ...Object.values(p.baselines ?? {})].filter((t) => t.noisy).map((t) => `${p.run}:${t.target}`)),
    machine: machine(),
    date: new Date().toISOString(),
  };
  log(`\n${formatTarget(report, report)}`);
  for (const name of opts.baselines) log(`${formatTarget(report, baselines[name]!)}\n${formatRatio(ratios[name]!, name)}`);
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
