// One run of one load against one server, through the Transport interface (Accord on one node
// or several, or the y-websocket baseline): connect and sync every client, calibrate with idle
// pings, type through a warm-up and the measured window, check convergence and losses, and for
// a soak disconnect and wait for the rooms to unload. See bench/README.md, Method.
import type { Preset } from "../presets.ts";
import type { TargetResult } from "../result.ts";
import { GENERATOR_CPU_LIMIT_PCT, percentiles, round } from "../stats.ts";
import { Tracker } from "../tracker.ts";
import type { Replica, Transport } from "../transport.ts";
import { ReplicaTypist } from "../typing.ts";
import { connectAll } from "./connect.ts";
import { checkConvergence } from "./convergence.ts";
import { finishSoak, type SoakSampler } from "./soak.ts";
import { openWindow, safeLabel, serverProblems } from "./window.ts";

/** Sequential idle round trips; their p50 is the floor for any relay (one hop in, one out). */
const PING_ROUNDS = 50;

const sleepUntil = (t: number) => new Promise<void>((r) => setTimeout(r, Math.max(0, t - performance.now())));

/** In each room the first `typists` clients to finish connecting type; the rest only receive. */
function chooseTypists(replicas: Replica[], load: Preset, tracker: Tracker): ReplicaTypist[] {
  const typists: ReplicaTypist[] = [];
  const perRoom = new Map<number, number>();
  for (const r of replicas) {
    const n = perRoom.get(r.room) ?? 0;
    perRoom.set(r.room, n + 1);
    if (n < load.typists) typists.push(new ReplicaTypist(r, tracker, load.rate));
  }
  return typists;
}

export async function runTarget(t: Transport, load: Preset, log: (line: string) => void): Promise<TargetResult> {
  const tracker = new Tracker();
  const soak: SoakSampler | null = load.soak ? { beforeClients: await t.usage(), middle: null } : null;
  let replicas: Replica[] = [];
  let typists: ReplicaTypist[] = [];
  try {
    const connectStart = performance.now();
    replicas = await connectAll(t, load, tracker);
    log(`  [${t.name}] ${replicas.length} clients connected and synced in ${((performance.now() - connectStart) / 1000).toFixed(1)} s`);
    const pings: number[] = [];
    for (let i = 0; i < PING_ROUNDS; i++) pings.push(await replicas[0]!.ping());

    typists = chooseTypists(replicas, load, tracker);
    tracker.windowStart = performance.now() + load.warmup * 1000;
    tracker.windowEnd = tracker.windowStart + load.seconds * 1000;
    for (const ty of typists) ty.start();
    log(`  [${t.name}] typing: ${load.warmup} s warm-up, then ${load.seconds} s measured…`);

    await sleepUntil(tracker.windowStart);
    const measuring = await openWindow(t, safeLabel(load.name));
    if (soak) {
      await sleepUntil(tracker.windowStart + (load.seconds * 1000) / 2);
      soak.middle = await t.usage();
    }
    await sleepUntil(tracker.windowEnd);
    const w = await measuring.close();
    for (const ty of typists) ty.stop();
    typists = [];
    const cpuProfile = await measuring.saveProfile();
    if (cpuProfile) log(`  [${t.name}] server CPU profile of the measured window (profiling inflates CPU figures): ${cpuProfile}`);

    const problems = await checkConvergence(t, replicas, load.rooms);
    const converged = problems.length === 0;
    // A server that answers no durability to the sender (Hocuspocus): its storage is read instead.
    const disk = t.timeToDisk ? await t.timeToDisk(tracker) : null;
    if (disk && disk.missing > 0) problems.push(`${disk.missing} measured edits were in no committed row within the wait`);
    const lost = tracker.lost(load.clients - 1);
    const isValid = w.generatorCpuPct <= GENERATOR_CPU_LIMIT_PCT;
    if (!isValid) problems.push(`generator used ${w.generatorCpuPct.toFixed(0)} % of a core (> ${GENERATOR_CPU_LIMIT_PCT} %): INVALID`);
    if (w.host.noisy) problems.push(`NOISY: other processes used ${w.host.other_cpu_pct} % of a core`);
    problems.push(...serverProblems(t.diagnostics, w.eventLoop));
    const latency = percentiles(tracker.latencies);
    const persistLags = disk ? disk.lags : tracker.persistLags;
    const persist = percentiles(persistLags);
    const result: TargetResult = {
      target: t.name,
      latency_ms: { p50: round(latency.p50, 3), p95: round(latency.p95, 3), p99: round(latency.p99, 3), max: round(latency.max, 3) },
      latency_samples: tracker.latencies.length,
      edits_per_s: round(tracker.editsInWindow / load.seconds, 1),
      deliveries_per_s: round(tracker.deliveriesInWindow / load.seconds, 1),
      edits_total: tracker.edits.size,
      lost: lost.edits,
      lost_deliveries: lost.deliveries,
      converged,
      valid: isValid,
      noisy: w.host.noisy,
      server: {
        cpu_pct: round(w.serverCpuPct, 1),
        cpu_us_per_delivery: round(w.serverCpuUs / Math.max(1, tracker.deliveriesInWindow), 2),
        rss_mb: round(w.end.rssBytes / 2 ** 20, 1),
      },
      persist_lag_ms: persistLags.length === 0 ? null : { p50: round(persist.p50, 3), p95: round(persist.p95, 3), p99: round(persist.p99, 3), max: round(persist.max, 3) },
      ...(persistLags.length === 0 ? {} : { persist_measure: disk ? ("row-committed" as const) : ("sender-ack" as const) }),
      ...(disk ? { disk: { stores: disk.stores, missing: disk.missing } } : {}),
      ping_ms: round(percentiles(pings).p50, 3),
      generator_cpu_pct: round(w.generatorCpuPct, 1),
      event_loop: w.eventLoop,
      host: w.host,
      server_error_lines: t.diagnostics ? t.diagnostics.errorSummary().total : null,
      ...(cpuProfile ? { cpu_profile: cpuProfile } : {}),
      problems,
    };
    if (soak) {
      for (const r of replicas) r.close();
      replicas = [];
      result.soak = await finishSoak(t, soak, w, log);
    }
    return result;
  } finally {
    for (const ty of typists) ty.stop();
    for (const r of replicas) r.close();
  }
}
