// One run of one profile against one server (Accord or the y-websocket baseline), through the
// transport interface: connect, calibrate, type, measure, check convergence, and for a soak
// disconnect and wait for the rooms to unload. Fresh server, fresh rooms every run.
import { readFileSync, readdirSync, readlinkSync } from "node:fs";
import Database from "better-sqlite3";
import { fingerprint } from "./convergence.ts";
import { hostReport, sampleHost, type HostReport } from "./host.ts";
import { Tracker } from "./load-generator.ts";
import { eventLoopReport, serverStallProblem, startGeneratorLoopMeter, type EventLoopReport } from "./loop-window.ts";
import type { BenchProfile } from "./profiles.ts";
import { GENERATOR_CPU_LIMIT_PCT, percentiles, round, type Percentiles } from "./stats.ts";
import type { Replica, ServerUsage, Transport } from "./transport.ts";
import { ReplicaTypist, watchRemoteEdits } from "./typing.ts";

const CONNECT_CONCURRENCY = 16;
const SYNC_TIMEOUT_MS = 30_000;
const PING_ROUNDS = 50;
const SAVE_TIMEOUT_MS = 30_000;
const SETTLE_TIMEOUT_MS = 15_000;
/** The server unloads a room 30 s after its last client left (server/realtime/rooms.ts idleMs). */
const UNLOAD_WAIT_MS = 40_000;

export type SoakReport = {
  rss_mb: { before_clients: number; start: number; middle: number; end: number; after_unload: number };
  /** after_unload − before_clients. */
  rss_drift_mb: number;
  unload_wait_s: number;
  /** Accord only: the bench server's SQLite file after the run (null for the baseline). */
  journal: { checkpoints: number; journal_rows: number; rows_merged_into_checkpoints: number } | null;
};

export type TargetResult = {
  target: Transport["name"];
  latency_ms: Percentiles;
  latency_samples: number;
  edits_per_s: number;
  deliveries_per_s: number;
  edits_total: number;
  lost: number;
  lost_deliveries: number;
  converged: boolean;
  valid: boolean;
  noisy: boolean;
  server: { cpu_us_per_delivery: number; cpu_pct: number; rss_mb: number };
  /** Edit → "saved" (durable) on the sender; null when the server has no durability acks. */
  persist_lag_ms: { p50: number; p95: number } | null;
  ping_ms: number;
  generator_cpu_pct: number;
  /** Over the measured window; server_responsive false = the run failed (server null for the baseline). */
  event_loop: EventLoopReport;
  host: HostReport;
  soak?: SoakReport;
  problems: string[];
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const sleepUntil = (t: number) => sleep(Math.max(0, t - performance.now()));
const mb = (u: ServerUsage) => round(u.rssBytes / 2 ** 20, 1);

async function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    return await Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function connectAll(t: Transport, p: BenchProfile, tracker: Tracker): Promise<Replica[]> {
  const plan: Array<{ room: number; slot: number }> = [];
  for (let room = 0; room < p.rooms; room++) for (let slot = 0; slot < p.clients; slot++) plan.push({ room, slot });
  const replicas: Replica[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < plan.length) {
      const { room, slot } = plan[next++]!;
      const r = await t.connect(room, slot);
      replicas.push(r);
      await withTimeout(r.whenSynced, SYNC_TIMEOUT_MS, "a client did not sync");
      watchRemoteEdits(r, tracker);
    }
  }
  try {
    await Promise.all(Array.from({ length: CONNECT_CONCURRENCY }, worker));
  } catch (e) {
    for (const r of replicas) r.close();
    throw e;
  }
  return replicas;
}

/** Every replica of a room identical to the server's copy (read by a fresh client) once the load stops. */
async function convergence(t: Transport, replicas: Replica[], rooms: number): Promise<string[]> {
  const problems: string[] = [];
  const saveDeadline = performance.now() + SAVE_TIMEOUT_MS;
  while (!replicas.every((r) => r.isSaved()) && performance.now() < saveDeadline) await sleep(50);
  const unsaved = replicas.filter((r) => !r.isSaved()).length;
  if (unsaved > 0) problems.push(`${unsaved} clients not saved after ${SAVE_TIMEOUT_MS} ms`);
  const deadline = performance.now() + SETTLE_TIMEOUT_MS;
  let diverged: Replica[] = [];
  let copies: string[] = [];
  for (;;) {
    copies = [];
    for (let room = 0; room < rooms; room++) copies.push(fingerprint(await t.readServerCopy(room)));
    diverged = replicas.filter((r) => fingerprint(r.doc) !== copies[r.room]);
    if (diverged.length === 0 || performance.now() > deadline) break;
    await sleep(250);
  }
  for (const r of diverged.slice(0, 3)) problems.push(`room ${r.room}: client ${r.doc.clientID} differs from the server (${fingerprint(r.doc).split("\n")[0]} vs ${copies[r.room]?.split("\n")[0]})`);
  if (diverged.length > 3) problems.push(`… and ${diverged.length - 3} more replicas differ`);
  return problems;
}

/** The bench server's SQLite file, found through the open file descriptors of our child processes. */
function findChildSqlite(): string | null {
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid !== process.pid) continue;
      for (const fd of readdirSync(`/proc/${pid}/fd`)) {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        if (/accord-bench-[^/]+\/bench\.db$/.test(target)) return target;
      }
    } catch {
      // a process that exited meanwhile, or not ours to read
    }
  }
  return null;
}

function journalCounts(): SoakReport["journal"] {
  const path = findChildSqlite();
  if (!path) return null;
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const one = (sql: string) => Number((db.prepare(sql).get() as { n: number | bigint | null }).n ?? 0);
    return {
      checkpoints: one(`SELECT COUNT(*) AS n FROM DocumentCheckpoint`),
      journal_rows: one(`SELECT COUNT(*) AS n FROM DocumentUpdate`),
      rows_merged_into_checkpoints: one(`SELECT SUM(mergedRows) AS n FROM DocumentCheckpoint`),
    };
  } finally {
    db.close();
  }
}

export async function runTarget(t: Transport, p: BenchProfile, log: (s: string) => void): Promise<TargetResult> {
  const tracker = new Tracker();
  const beforeClients = await t.usage();
  let replicas: Replica[] = [];
  let typists: ReplicaTypist[] = [];
  try {
    const connectStart = performance.now();
    replicas = await connectAll(t, p, tracker);
    log(`  [${t.name}] ${replicas.length} clients synced in ${((performance.now() - connectStart) / 1000).toFixed(1)} s`);
    const pings: number[] = [];
    for (let i = 0; i < PING_ROUNDS; i++) pings.push(await replicas[0]!.ping());

    const perRoom = new Map<number, number>();
    for (const r of replicas) {
      const n = perRoom.get(r.room) ?? 0;
      perRoom.set(r.room, n + 1);
      if (n < p.typists) typists.push(new ReplicaTypist(r, tracker, p.rate));
    }
    const t0 = performance.now();
    tracker.windowStart = t0 + p.warmup * 1000;
    tracker.windowEnd = tracker.windowStart + p.seconds * 1000;
    for (const ty of typists) ty.start();
    log(`  [${t.name}] typing: ${p.warmup} s warm-up, ${p.seconds} s measured…`);
    await sleepUntil(tracker.windowStart);
    const loopDelay = startGeneratorLoopMeter();
    const [s0, g0, w0, h0] = [await t.usage({ startLoopWindow: true }), process.cpuUsage(), performance.now(), sampleHost()];
    let middle: ServerUsage | null = null;
    if (p.soak) {
      await sleepUntil(tracker.windowStart + (p.seconds * 1000) / 2);
      middle = await t.usage();
    }
    await sleepUntil(tracker.windowEnd);
    const [s1, g1, w1, h1] = [await t.usage(), process.cpuUsage(g0), performance.now(), sampleHost()];
    const eventLoop = eventLoopReport(s1.loop, loopDelay.read());
    loopDelay.stop();
    for (const ty of typists) ty.stop();
    typists = [];

    const problems = await convergence(t, replicas, p.rooms);
    const converged = problems.length === 0;
    const lost = tracker.lost(p.clients - 1);
    const serverCpuUs = s1.cpuUs - s0.cpuUs;
    const serverCpuPct = (100 * serverCpuUs) / ((s1.atMs - s0.atMs) * 1000);
    const generatorCpuPct = (100 * (g1.user + g1.system)) / ((w1 - w0) * 1000);
    const host = hostReport(h0, h1, serverCpuPct + generatorCpuPct);
    const isValid = generatorCpuPct <= GENERATOR_CPU_LIMIT_PCT;
    if (!isValid) problems.push(`generator used ${generatorCpuPct.toFixed(0)} % of a core (> ${GENERATOR_CPU_LIMIT_PCT} %): INVALID`);
    if (host.noisy) problems.push(`NOISY: other processes used ${host.other_cpu_pct} % of a core`);
    const stall = serverStallProblem(eventLoop);
    if (stall) problems.push(stall);
    const latency = percentiles(tracker.latencies);
    const persist = percentiles(tracker.persistLags);
    const result: TargetResult = {
      target: t.name,
      latency_ms: { p50: round(latency.p50, 3), p95: round(latency.p95, 3), p99: round(latency.p99, 3), max: round(latency.max, 3) },
      latency_samples: tracker.latencies.length,
      edits_per_s: round(tracker.editsInWindow / p.seconds, 1),
      deliveries_per_s: round(tracker.deliveriesInWindow / p.seconds, 1),
      edits_total: tracker.edits.size,
      lost: lost.edits,
      lost_deliveries: lost.deliveries,
      converged,
      valid: isValid,
      noisy: host.noisy,
      server: {
        cpu_us_per_delivery: round(serverCpuUs / Math.max(1, tracker.deliveriesInWindow), 2),
        cpu_pct: round(serverCpuPct, 1),
        rss_mb: mb(s1),
      },
      persist_lag_ms: tracker.persistLags.length === 0 ? null : { p50: round(persist.p50, 3), p95: round(persist.p95, 3) },
      ping_ms: round(percentiles(pings).p50, 3),
      generator_cpu_pct: round(generatorCpuPct, 1),
      event_loop: eventLoop,
      host,
      problems,
    };
    if (p.soak) {
      for (const r of replicas) r.close();
      replicas = [];
      log(`  [${t.name}] soak: clients disconnected; waiting ${UNLOAD_WAIT_MS / 1000} s for the rooms to unload…`);
      await sleep(UNLOAD_WAIT_MS);
      const after = await t.usage();
      result.soak = {
        rss_mb: { before_clients: mb(beforeClients), start: mb(s0), middle: middle ? mb(middle) : Number.NaN, end: mb(s1), after_unload: mb(after) },
        rss_drift_mb: round(mb(after) - mb(beforeClients), 1),
        unload_wait_s: UNLOAD_WAIT_MS / 1000,
        journal: t.name === "accord" ? journalCounts() : null,
      };
    }
    return result;
  } finally {
    for (const ty of typists) ty.stop();
    for (const r of replicas) r.close();
  }
}
