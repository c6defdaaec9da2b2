// npm run bench -- --profile NAME [--baseline y-websocket] [--runs N] [--json FILE]
// Each run starts a fresh Accord server (and, with --baseline, then a fresh y-websocket server)
// and drives the same load through bench/profile-run.ts; the report is the median over runs.
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { formatEventLoop } from "./loop-window.ts";
import { startServerProcess } from "./server-control.ts";
import { PROFILE_USAGE, foldRuns, parseProfileCli, type BenchProfile } from "./profiles.ts";
import { round } from "./stats.ts";
import { runTarget, type TargetResult } from "./profile-run.ts";
import { accordTransport } from "./transport-accord.ts";
import { startYWebsocket } from "./transport-y-websocket.ts";
import type { Transport } from "./transport.ts";

type Ratio = { cpu_us_per_delivery: number; p95: number; rss_mb: number };
type RunPair = { run: number; accord: TargetResult; baseline?: TargetResult; ratio?: Ratio };

let active: Transport | null = null;
process.once("SIGINT", () => {
  void (active?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function startAccord(p: BenchProfile): Promise<Transport | null> {
  const label = `${p.name}-${Date.now()}`;
  if (p.nodes === undefined || p.nodes <= 1) return accordTransport(await startServerProcess({ label, rooms: p.rooms, clientsPerRoom: p.clients }));
  let cluster: typeof import("./cluster/cluster.ts") | null = null;
  try {
    cluster = await import("./cluster/cluster.ts");
  } catch {
    cluster = null;
  }
  if (!cluster) return null;
  const c = await cluster.startCluster({ label, nodes: p.nodes, rooms: p.rooms, clientsPerRoom: p.clients });
  return accordTransport(c, c.endpoint);
}

async function runOne(t: Transport, p: BenchProfile): Promise<TargetResult> {
  active = t;
  try {
    return await runTarget(t, p, console.log);
  } finally {
    await t.stop();
    active = null;
  }
}

const ratioOf = (a: TargetResult, b: TargetResult): Ratio => ({
  cpu_us_per_delivery: round(a.server.cpu_us_per_delivery / b.server.cpu_us_per_delivery, 2),
  p95: round(a.latency_ms.p95 / b.latency_ms.p95, 2),
  rss_mb: round(a.server.rss_mb / b.server.rss_mb, 2),
});

function line(r: TargetResult): string {
  const l = r.latency_ms;
  const flags = [
    r.converged ? "converged" : "NOT CONVERGED",
    r.valid ? "valid" : "INVALID",
    ...(r.event_loop.server_responsive === false ? ["SERVER STALLED (FAILED)"] : []),
    r.noisy ? `NOISY (other ${r.host.other_cpu_pct} %)` : `quiet (other ${r.host.other_cpu_pct} %)`,
  ];
  return [
    `  ${r.target.padEnd(11)} p50 ${l.p50.toFixed(2)}  p95 ${l.p95.toFixed(2)}  p99 ${l.p99.toFixed(2)}  max ${l.max.toFixed(1)} ms | ping ${r.ping_ms.toFixed(2)} ms`,
    `              ${r.edits_per_s} edits/s, ${r.deliveries_per_s} deliveries/s, lost ${r.lost}/${r.edits_total} | server ${r.server.cpu_pct} % CPU, ${r.server.cpu_us_per_delivery} µs/delivery, RSS ${r.server.rss_mb} MB` +
      (r.persist_lag_ms ? ` | persist p95 ${r.persist_lag_ms.p95.toFixed(1)} ms` : ""),
    `              generator ${r.generator_cpu_pct} % of a core | ${flags.join(", ")}`,
    `              event-loop delay: ${formatEventLoop(r.event_loop)}`,
    ...(r.soak ? [`              soak RSS MB ${JSON.stringify(r.soak.rss_mb)} drift ${r.soak.rss_drift_mb} MB; journal ${JSON.stringify(r.soak.journal)}`] : []),
    ...r.problems.map((p) => `              ! ${p}`),
  ].join("\n");
}

function fold(results: TargetResult[]): TargetResult {
  const f = foldRuns(results);
  f.problems = results.flatMap((r, i) => r.problems.map((p) => `run ${i + 1}: ${p}`));
  return f;
}

export async function runProfileCli(argv: string[]): Promise<number> {
  let cli: ReturnType<typeof parseProfileCli>;
  try {
    cli = parseProfileCli(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${PROFILE_USAGE}`);
    return 2;
  }
  const p = cli.profile;
  console.log(`${p.name}: ${p.rooms} room(s) × ${p.clients} clients × ${p.typists} typists × ${p.rate}/s, ${p.seconds} s measured (+${p.warmup} s warm-up)${p.nodes ? `, ${p.nodes} nodes` : ""}; ${cli.runs} run(s)${cli.baseline ? `, baseline ${cli.baseline}` : ""}`);
  const pairs: RunPair[] = [];
  for (let run = 1; run <= cli.runs; run++) {
    console.log(`\nrun ${run}/${cli.runs}`);
    const accord = await startAccord(p);
    if (!accord) {
      console.error(`P6 needs --nodes support (bench/cluster/cluster.ts) — not available in this checkout; nothing was measured.`);
      return 2;
    }
    const pair: RunPair = { run, accord: await runOne(accord, p) };
    console.log(line(pair.accord));
    if (cli.baseline) {
      pair.baseline = await runOne(await startYWebsocket(p.rooms), p);
      pair.ratio = ratioOf(pair.accord, pair.baseline);
      console.log(line(pair.baseline));
      console.log(`  ratio (Accord ÷ y-websocket): ${JSON.stringify(pair.ratio)}`);
    }
    pairs.push(pair);
  }
  const ours = fold(pairs.map((x) => x.accord));
  const base = cli.baseline ? fold(pairs.map((x) => x.baseline!)) : null;
  const summary = {
    profile: p.name,
    rooms: p.rooms,
    clients: p.clients,
    typists: p.typists,
    rate: p.rate,
    seconds: p.seconds,
    warmup: p.warmup,
    ...(p.nodes ? { nodes: p.nodes } : {}),
    runs: cli.runs,
    aggregate: cli.runs > 1 ? "median of runs (lost = worst run; converged/valid = every run; noisy = any run)" : "single run",
    latency_ms: ours.latency_ms,
    edits_per_s: ours.edits_per_s,
    deliveries_per_s: ours.deliveries_per_s,
    lost: ours.lost,
    converged: ours.converged,
    valid: ours.valid,
    noisy: ours.noisy,
    server: ours.server,
    persist_lag_ms: ours.persist_lag_ms,
    ping_ms: ours.ping_ms,
    generator_cpu_pct: ours.generator_cpu_pct,
    event_loop: ours.event_loop,
    ...(ours.soak ? { soak: ours.soak } : {}),
    ...(base ? { baseline: { ...base, server_impl: "y-websocket@1.5.4 bin/server.js" }, ratio: ratioOf(ours, base) } : {}),
    per_run: pairs,
    noisy_runs: pairs.flatMap((x) => [...(x.accord.noisy ? [`${x.run}:accord`] : []), ...(x.baseline?.noisy ? [`${x.run}:y-websocket`] : [])]),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "?", node: process.version, platform: `${process.platform} ${process.arch}` },
    date: new Date().toISOString(),
  };
  console.log(`\n${p.name} ${cli.runs > 1 ? `median of ${cli.runs}` : "result"}:`);
  console.log(line(ours));
  if (base) {
    console.log(line(base));
    console.log(`  ratio (Accord ÷ y-websocket): ${JSON.stringify(summary.ratio)}`);
  }
  if (cli.json) {
    writeFileSync(cli.json, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\nwrote ${cli.json}`);
  }
  return ours.converged && ours.lost === 0 && ours.event_loop.server_responsive !== false ? 0 : 1;
}
