// Is this process's event loop responsive, and when it was not, what held it? Every socket in
// a room waits while one synchronous job runs, so a stretch of a second is an outage for the
// room even when CPU figures look fine. Two instruments:
//  - Node's event-loop delay sampler (coarse, cheap) for p50 / p99 / max over a rolling window
//    and the worst delay of the last few minutes (what /api/health reports);
//  - a light interval timer that notices a late tick and logs one line naming the operations
//    recorded with `timed(...)` (operation-log.ts) that ran during the gap.
import { env } from "../../lib/env.ts";
import { startLoopDelayMeter, type LoopDelayMeter } from "./loop-delay.ts";
import { operationsOverlapping, type TrackedOperation } from "./operation-log.ts";

export { timed } from "./operation-log.ts";

/** A stretch this long is an outage for everyone in the room: always worth one log line. */
export const BLOCKED_LOOP_THRESHOLD_MS = 1_000;
/**
 * The gap detector's tick: stretches longer than threshold + tick are always caught. Every
 * timer here wakes an idle server: an idle process should cost next to nothing.
 */
export const CHECK_INTERVAL_MS = 250;
/** The delay samplers' interval: each interval's real length is measured, 20 wake-ups/s per sampler. */
export const SAMPLE_RESOLUTION_MS = 50;
/** p50/p99/max cover between one and two of these (two samplers, reset in turn). */
export const STATS_WINDOW_MS = 30_000;
/** recentMaxMs: the worst delay of at least this long back (a spike should stay visible to a health check for a while). */
export const RECENT_MAX_WINDOW_MS = 5 * 60_000;
/** One log line stays readable: the longest operations of a gap, then a count of the rest. */
const MAX_LISTED_OPERATIONS = 5;

export type EventLoopStats = {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Worst delay over at least the last RECENT_MAX_WINDOW_MS (up to 2 × STATS_WINDOW_MS more). */
  recentMaxMs: number;
  /** Start of the window p50/p99/max cover (ms since the epoch). */
  since: number;
};

export type EventLoopWatchdog = { stop(): void; stats(): EventLoopStats };

export type WatchdogOptions = {
  /** Gaps longer than this are logged; default BLOCKED_LOOP_THRESHOLD_MS or $ACCORD_EVENT_LOOP_BLOCK_MS. */
  thresholdMs?: number;
  /** Where the one line per gap goes; default stderr. */
  log?: (line: string) => void;
};

/** Diagnosis: a lower threshold (ms) for the gap log, e.g. 50 to see what takes the loop's tail. */
function thresholdFromEnv(): number {
  return env().ACCORD_EVENT_LOOP_BLOCK_MS ?? BLOCKED_LOOP_THRESHOLD_MS;
}

function describe(op: TrackedOperation): string {
  return `${op.operation}${op.room === null ? "" : ` (${op.room})`} ${Math.round(op.end - op.start)} ms`;
}

/**
 * One line: how long, how much CPU the process used meanwhile (about as much = it was working,
 * much less = it waited: descheduled by a busy machine, or a blocking system call), and what ran.
 */
export function describeGap(blockedMs: number, cpuMs: number | null, ops: TrackedOperation[]): string {
  const head = `event loop blocked ${Math.round(blockedMs)} ms${cpuMs === null ? "" : ` (process CPU ${Math.round(cpuMs)} ms)`}`;
  if (ops.length === 0) return `${head}: no tracked operation`;
  const listed = ops.slice(0, MAX_LISTED_OPERATIONS).map(describe);
  const rest = ops.slice(MAX_LISTED_OPERATIONS);
  if (rest.length > 0) listed.push(`… and ${rest.length} more (${Math.round(rest.reduce((s, o) => s + o.end - o.start, 0))} ms)`);
  return `${head}: ${listed.join(", ")}`;
}

const holder = globalThis as unknown as { accordEventLoopWatchdog?: EventLoopWatchdog };

/** This process's running watchdog (the server starts it), or null: route handlers read it from their own bundle. */
export function eventLoopWatchdog(): EventLoopWatchdog | null {
  return holder.accordEventLoopWatchdog ?? null;
}

export function startEventLoopWatchdog(opts: WatchdogOptions = {}): EventLoopWatchdog {
  const thresholdMs = opts.thresholdMs ?? thresholdFromEnv();
  const log = opts.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  // A low diagnostic threshold needs a finer tick to see stretches just above it.
  const tickMs = Math.min(CHECK_INTERVAL_MS, thresholdMs / 2);

  let lastTick = performance.now();
  let lastCpu = process.cpuUsage();
  const ticker = setInterval(() => {
    const now = performance.now();
    const cpu = process.cpuUsage();
    // The tick was due `tickMs` after the last one; the loop was busy from then until now.
    // (Tracked operations carry their own exact durations.)
    const blockedMs = now - lastTick - tickMs;
    if (blockedMs > thresholdMs) {
      const cpuMs = (cpu.user - lastCpu.user + cpu.system - lastCpu.system) / 1000;
      log(describeGap(blockedMs, cpuMs, operationsOverlapping(lastTick, now)));
    }
    lastTick = now;
    lastCpu = cpu;
  }, tickMs);
  ticker.unref();

  // Two samplers reset in turn: the older one always covers the last STATS_WINDOW_MS to
  // 2 × STATS_WINDOW_MS, so the figures never come from an almost empty window.
  const meters: Array<{ meter: LoopDelayMeter; since: number }> = [0, 1].map(() => ({ meter: startLoopDelayMeter(SAMPLE_RESOLUTION_MS), since: Date.now() }));
  /** Each reset sampler's max and when it was reset: what recentMaxMs looks back over. */
  const pastMaxes: Array<{ at: number; maxMs: number }> = [];
  const older = () => (meters[0]!.since <= meters[1]!.since ? meters[0]! : meters[1]!);
  const roller = setInterval(() => {
    const now = Date.now();
    const oldest = older();
    pastMaxes.push({ at: now, maxMs: oldest.meter.read().maxMs });
    while (pastMaxes.length > 0 && pastMaxes[0]!.at < now - RECENT_MAX_WINDOW_MS) pastMaxes.shift();
    oldest.meter.reset();
    oldest.since = now;
  }, STATS_WINDOW_MS);
  roller.unref();

  const watchdog: EventLoopWatchdog = {
    stats() {
      const current = older();
      const d = current.meter.read();
      const now = Date.now();
      const recent = pastMaxes.filter((p) => p.at >= now - RECENT_MAX_WINDOW_MS).map((p) => p.maxMs);
      return { p50Ms: d.p50Ms, p99Ms: d.p99Ms, maxMs: d.maxMs, recentMaxMs: Math.max(d.maxMs, ...recent), since: current.since };
    },
    stop() {
      clearInterval(ticker);
      clearInterval(roller);
      for (const m of meters) m.meter.stop();
      if (holder.accordEventLoopWatchdog === watchdog) delete holder.accordEventLoopWatchdog;
    },
  };
  // The first one started in a process is the one /api/health reports.
  holder.accordEventLoopWatchdog ??= watchdog;
  return watchdog;
}
