// `npm run bench -- idle [500,1000,2000] [--rooms N] [--typists N] [--rate N] [--seconds N]
// [--baseline hocuspocus] [--json FILE]` (old-style spelling `--idle 500,1000,2000`): what an
// idle delegate costs. One server process per server, started with --expose-gc and sized for the
// largest count; clients join in steps — none, one per room (every room open), then each count
// spread evenly over the rooms — and at every step the benchmark reads the server's memory after
// a full GC, its CPU over an idle window (no typing) and over a window with a few typists (in
// total, one per room in the first rooms) at the default rate. Fits RSS = a + b·connections over
// the steps with every room open (b: per connection) and takes the rooms step against the empty
// server for the per-room cost. See bench/README.md and BENCHMARKS.md ("Idle cost per delegate").
import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { hostReport, sampleHost, type HostReport } from "../host.ts";
import { join } from "node:path";
import { PROFILE_DIR, startServerProcess } from "../server-control.ts";
import { round } from "../stats.ts";
import { Tracker } from "../tracker.ts";
import { startHocuspocus } from "../transport-hocuspocus.ts";
import { accordTransport } from "../transport-accord.ts";
import type { MemoryReading, Replica, Transport } from "../transport.ts";
import { ReplicaTypist, watchRemoteEdits } from "../typing.ts";
import { withTimeout } from "../engine/connect.ts";

export type IdleOptions = {
  counts: number[];
  rooms: number;
  typists: number;
  rate: number;
  /** Seconds of each window (idle, then typing). */
  seconds: number;
  baselines: Array<"hocuspocus">;
  json: string | null;
  log: (line: string) => void;
};

type Window = { cpu_pct: number; generator_cpu_pct: number; host: HostReport; deliveries_per_s: number | null };
export type IdleStep = {
  connections: number;
  rooms_open: number;
  /** After a full GC in the server. */
  memory_mb: { rss: number; heap_used: number; external: number; heap_total?: number };
  idle: Window;
  typing: Window | null;
  connect_s: number;
};
type Fit = { intercept_mb: number; per_connection_kb: number; r2: number; residuals_mb: number[] };
export type IdleServerReport = {
  target: Transport["name"];
  steps: IdleStep[];
  /** Least squares over the steps with every room open (1 client per room and up). */
  rss_fit: Fit;
  heap_fit: Fit;
  /** (rooms step − empty server − the rooms' connections at the fitted rate) ÷ rooms. */
  per_room_kb: { rss: number; heap: number };
  /** Idle-window CPU against connections (same steps): % of a core per 1,000 connections. */
  idle_cpu_fit: { intercept_pct: number; per_1000_connections_pct: number; r2: number };
};
export type IdleReport = {
  kind: "idle";
  counts: number[];
  rooms: number;
  typists: number;
  rate: number;
  seconds: number;
  servers: IdleServerReport[];
  machine: { cores: number; cpu: string; node: string };
  date: string;
};

const CONNECT_CONCURRENCY = 16;
const SYNC_TIMEOUT_MS = 60_000;
const SETTLE_MS = 3_000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const mb = (bytes: number) => round(bytes / 2 ** 20, 2);

function fit(xs: number[], ys: number[]): { a: number; b: number; r2: number; residuals: number[] } {
  const n = xs.length;
  const mx = xs.reduce((s, x) => s + x, 0) / n;
  const my = ys.reduce((s, y) => s + y, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    sxy += (xs[i]! - mx) * (ys[i]! - my);
    sxx += (xs[i]! - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  }
  const b = sxx === 0 ? 0 : sxy / sxx;
  const a = my - b * mx;
  const residuals = xs.map((x, i) => ys[i]! - (a + b * x));
  const ssr = residuals.reduce((s, r) => s + r * r, 0);
  return { a, b, r2: syy === 0 ? 1 : 1 - ssr / syy, residuals };
}

async function startTarget(name: "accord" | "hocuspocus", opts: IdleOptions): Promise<Transport> {
  const max = Math.max(...opts.counts);
  const clientsPerRoom = Math.max(2, Math.ceil(max / opts.rooms));
  if (name === "hocuspocus") return startHocuspocus(opts.rooms, "hocuspocus", { exposeGc: true });
  return accordTransport(await startServerProcess({ label: `idle-${Date.now()}`, rooms: opts.rooms, clientsPerRoom, exposeGc: true }));
}

async function measureWindow(t: Transport, seconds: number, tracker: Tracker | null): Promise<Window> {
  if (tracker) {
    tracker.windowStart = performance.now();
    tracker.windowEnd = tracker.windowStart + seconds * 1000;
  }
  const [s0, g0, w0, h0] = [await t.usage({ startLoopWindow: true }), process.cpuUsage(), performance.now(), sampleHost()];
  await sleep(seconds * 1000);
  const [s1, g1, w1, h1] = [await t.usage(), process.cpuUsage(g0), performance.now(), sampleHost()];
  const cpu = (100 * (s1.cpuUs - s0.cpuUs)) / ((s1.atMs - s0.atMs) * 1000);
  const gen = (100 * (g1.user + g1.system)) / ((w1 - w0) * 1000);
  return {
    cpu_pct: round(cpu, 2),
    generator_cpu_pct: round(gen, 1),
    host: hostReport(h0, h1, cpu + gen),
    deliveries_per_s: tracker ? round(tracker.deliveriesInWindow / seconds, 1) : null,
  };
}

async function runServer(name: "accord" | "hocuspocus", opts: IdleOptions): Promise<IdleServerReport> {
  const { log } = opts;
  const t = await startTarget(name, opts);
  const replicas: Replica[] = [];
  const perRoom = new Array<number>(opts.rooms).fill(0);
  const tracker = new Tracker();
  const steps: IdleStep[] = [];
  try {
    if (!t.memory) throw new Error(`${name}: the server process gives no memory readings`);
    const memory = async (): Promise<MemoryReading> => {
      await sleep(SETTLE_MS);
      return t.memory!();
    };
    // Each step: clients up to `total`, spread evenly (room r gets the (n+1)-th client before any room its (n+2)-th).
    const grow = async (total: number) => {
      const plan: Array<{ room: number; slot: number }> = [];
      for (let n = replicas.length; n < total; n++) {
        const room = n % opts.rooms;
        plan.push({ room, slot: perRoom[room]! });
        perRoom[room]!++;
      }
      let next = 0;
      const worker = async () => {
        while (next < plan.length) {
          const { room, slot } = plan[next++]!;
          const r = await t.connect(room, slot);
          replicas.push(r);
          await withTimeout(r.whenSynced, SYNC_TIMEOUT_MS, () => `${name}: room ${room}, client ${slot} did not sync (${r.status()})`);
          watchRemoteEdits(r, tracker);
          if (process.env.BENCH_IDLE_NO_RENEWAL === "1") r.stopAwarenessRenewal?.();
        }
      };
      await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
    };
    const step = async (total: number, withTyping: boolean) => {
      const t0 = performance.now();
      await grow(total);
      const connect_s = round((performance.now() - t0) / 1000, 1);
      const m = await memory();
      // BENCH_CPU_PROF=1: a V8 profile of Accord's server over the idle window of the largest count.
      const profile = process.env.BENCH_CPU_PROF === "1" && t.diagnostics && total === Math.max(...opts.counts) ? join(PROFILE_DIR, `server-idle-${total}-${Date.now()}.cpuprofile`) : null;
      if (profile) await t.diagnostics!.profileStart();
      const idle = await measureWindow(t, opts.seconds, null);
      if (profile) {
        await t.diagnostics!.profileStop(profile);
        log(`  [${name}] server CPU profile of the idle window at ${total} connections (profiling inflates CPU figures): ${profile}`);
      }
      let typing: Window | null = null;
      if (withTyping) {
        // One typist in each of the first rooms (the first client of the room), at the default rate.
        const typists = Array.from({ length: opts.typists }, (_, i) => replicas.find((r) => r.room === i % opts.rooms && !typingReplicas.has(r))!).map((r) => {
          typingReplicas.add(r);
          return new ReplicaTypist(r, tracker, opts.rate);
        });
        for (const ty of typists) ty.start();
        await sleep(1000);
        tracker.deliveriesInWindow = 0;
        typing = await measureWindow(t, opts.seconds, tracker);
        for (const ty of typists) ty.stop();
        typingReplicas.clear();
      }
      const s: IdleStep = {
        connections: replicas.length,
        rooms_open: Math.min(replicas.length, opts.rooms),
        memory_mb: { rss: mb(m.rssBytes), heap_used: mb(m.heapUsedBytes), external: mb(m.externalBytes), ...(m.heapTotalBytes === undefined ? {} : { heap_total: mb(m.heapTotalBytes) }) },
        idle,
        typing,
        connect_s,
      };
      steps.push(s);
      log(
        `  [${name}] ${String(s.connections).padStart(5)} connections in ${s.rooms_open} rooms (+${connect_s} s): RSS ${s.memory_mb.rss} MB, heap ${s.memory_mb.heap_used} MB (of ${s.memory_mb.heap_total ?? "?"}), external ${s.memory_mb.external} MB after GC | idle CPU ${idle.cpu_pct} %` +
          (typing ? ` | with ${opts.typists} typists ${typing.cpu_pct} % (${typing.deliveries_per_s} deliveries/s)` : "") +
          ` | generator ${Math.max(idle.generator_cpu_pct, typing?.generator_cpu_pct ?? 0)} %, other ${Math.max(idle.host.other_cpu_pct ?? 0, typing?.host.other_cpu_pct ?? 0)} %${idle.host.noisy || typing?.host.noisy ? " NOISY" : ""}`,
      );
    };
    const typingReplicas = new Set<Replica>();
    await step(0, false);
    await step(opts.rooms, false);
    for (const n of opts.counts) await step(n, true);

    const open = steps.filter((s) => s.rooms_open === opts.rooms);
    const xs = open.map((s) => s.connections);
    const rss = fit(xs, open.map((s) => s.memory_mb.rss));
    const heap = fit(xs, open.map((s) => s.memory_mb.heap_used + s.memory_mb.external));
    const cpu = fit(xs, open.map((s) => s.idle.cpu_pct));
    const empty = steps[0]!;
    const roomsStep = steps[1]!;
    const perRoomKb = (at: (s: IdleStep) => number, perConnMb: number) => round(((at(roomsStep) - at(empty) - perConnMb * roomsStep.connections) * 1024) / opts.rooms, 1);
    const asFit = (f: ReturnType<typeof fit>): Fit => ({ intercept_mb: round(f.a, 2), per_connection_kb: round(f.b * 1024, 2), r2: round(f.r2, 4), residuals_mb: f.residuals.map((r) => round(r, 2)) });
    return {
      target: t.name,
      steps,
      rss_fit: asFit(rss),
      heap_fit: asFit(heap),
      per_room_kb: { rss: perRoomKb((s) => s.memory_mb.rss, rss.b), heap: perRoomKb((s) => s.memory_mb.heap_used + s.memory_mb.external, heap.b) },
      idle_cpu_fit: { intercept_pct: round(cpu.a, 3), per_1000_connections_pct: round(cpu.b * 1000, 3), r2: round(cpu.r2, 4) },
    };
  } finally {
    for (const r of replicas) r.close();
    await t.stop();
  }
}

function summary(r: IdleServerReport): string {
  const last = r.steps[r.steps.length - 1]!;
  return [
    `── idle · ${r.target}`,
    `  RSS after GC = ${r.rss_fit.intercept_mb} MB + ${r.rss_fit.per_connection_kb} KB × connections (R² ${r.rss_fit.r2}; residuals ${r.rss_fit.residuals_mb.join(", ")} MB)`,
    `  heap + external = ${r.heap_fit.intercept_mb} MB + ${r.heap_fit.per_connection_kb} KB × connections (R² ${r.heap_fit.r2})`,
    `  per open room (beyond its connections): RSS ${r.per_room_kb.rss} KB, heap + external ${r.per_room_kb.heap} KB`,
    `  idle CPU = ${r.idle_cpu_fit.intercept_pct} % + ${r.idle_cpu_fit.per_1000_connections_pct} % per 1,000 connections (R² ${r.idle_cpu_fit.r2})`,
    `  at ${last.connections} connections: idle CPU ${last.idle.cpu_pct} %${last.typing ? `, with typists ${last.typing.cpu_pct} %` : ""} of a core; RSS ${last.memory_mb.rss} MB`,
  ].join("\n");
}

export async function runIdleBench(opts: IdleOptions): Promise<number> {
  const { log } = opts;
  log(`idle: ${opts.counts.join(", ")} connections over ${opts.rooms} rooms, ${opts.typists} typists in all at ${opts.rate}/s; ${opts.seconds} s idle + ${opts.seconds} s typing per step; ${["accord", ...opts.baselines].join(", ")}`);
  const servers: IdleServerReport[] = [];
  for (const name of ["accord", ...opts.baselines] as const) {
    servers.push(await runServer(name, opts));
    log(summary(servers[servers.length - 1]!));
  }
  const report: IdleReport = {
    kind: "idle",
    counts: opts.counts,
    rooms: opts.rooms,
    typists: opts.typists,
    rate: opts.rate,
    seconds: opts.seconds,
    servers,
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? "?", node: process.version },
    date: new Date().toISOString(),
  };
  if (opts.json) {
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    log(`wrote ${opts.json}`);
  }
  return 0;
}
