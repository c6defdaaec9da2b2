// The one result of a load run: what the text output prints, what --json writes, and what
// results-table.ts and plot.ts read. A report is one load (a preset, possibly overridden) over
// all its runs: Accord's figures (the median over runs) at the top level, the baseline's beside
// them, and every run's own figures in per_run.
import type { HostReport } from "./host.ts";
import type { EventLoopReport } from "./loop-window.ts";
import type { Load } from "./cli.ts";
import type { Preset } from "./presets.ts";
import { median, round, type Percentiles } from "./stats.ts";
import type { JournalCounts, TargetName } from "./transport.ts";

export type SoakReport = {
  rss_mb: { before_clients: number; start: number; middle: number; end: number; after_unload: number };
  /** after_unload − before_clients. */
  rss_drift_mb: number;
  unload_wait_s: number;
  /** The server's journal after the run (null for the baseline, which has none). */
  journal: JournalCounts | null;
};

/** One server's figures: one run, or the median of several (see foldRuns). */
export type TargetResult = {
  target: TargetName;
  latency_ms: Percentiles;
  /** (edit, receiver) pairs timed in the window. */
  latency_samples: number;
  edits_per_s: number;
  deliveries_per_s: number;
  edits_total: number;
  /** Edits (over the whole run, warm-up included) that at least one receiver never saw. */
  lost: number;
  lost_deliveries: number;
  converged: boolean;
  /** False when the generator was too busy to time anything faithfully. */
  valid: boolean;
  /** Other processes used more than NOISY_OTHER_CPU_PCT of a core: tails are not comparable. */
  noisy: boolean;
  server: { cpu_pct: number; cpu_us_per_delivery: number; rss_mb: number };
  /**
   * Edit → durable. Accord: the sender's provider says "saved" (its journal committed, then the
   * answer came back). Hocuspocus: time to disk, the first committed SQLite row holding the edit
   * (inserts; see persist_measure). Null when there were no samples (y-websocket stores nothing).
   * p99/max: recorded since the Hocuspocus baseline was added.
   */
  persist_lag_ms: { p50: number; p95: number; p99?: number; max?: number } | null;
  /** How persist_lag_ms was measured: "sender-ack" or "row-committed" (absent in older results: sender-ack). */
  persist_measure?: "sender-ack" | "row-committed";
  /** Time to disk's bookkeeping: rows written over the run, and measured edits no committed row held within the wait. */
  disk?: { stores: number; missing: number };
  ping_ms: number;
  generator_cpu_pct: number;
  /** Over the measured window; server_responsive false = the run failed. Null in results recorded before it was measured. */
  event_loop: EventLoopReport | null;
  /** Null in results recorded before it was measured. */
  host: HostReport | null;
  /** Lines the server wrote to stderr that report a failure; null when we cannot read its log (the baseline). */
  server_error_lines: number | null;
  /** BENCH_CPU_PROF=1: where the server's CPU profile of the window was written. */
  cpu_profile?: string;
  soak?: SoakReport;
  problems: string[];
};

/** Accord ÷ a baseline, same run. p99: recorded since the Hocuspocus baseline was added. */
export type Ratio = { cpu_us_per_delivery: number; p95: number; p99?: number; rss_mb: number };
export type BaselineName = Exclude<TargetName, "accord">;
export const BASELINE_NAMES: readonly BaselineName[] = ["y-websocket", "hocuspocus", "hocuspocus-per-update"];
/**
 * One run: Accord, then each baseline right after it. `baseline`/`ratio` are y-websocket's (the
 * only baseline before Hocuspocus; older results have only these); `baselines`/`ratios` hold every
 * baseline that ran, y-websocket included.
 */
export type RunPair = {
  run: number;
  accord: TargetResult;
  baseline?: TargetResult;
  ratio?: Ratio;
  baselines?: Partial<Record<BaselineName, TargetResult>>;
  ratios?: Partial<Record<BaselineName, Ratio>>;
};
export type Machine = { cores: number; cpu: string; node: string; platform: string };

/** The load as run: the preset's fields (its `name` reported as `profile`). */
export type BenchReport = TargetResult & Omit<Preset, "name" | "soak"> & {
  /** The preset's name (s1, P2, custom…); `overrides` lists the fields the command line changed. */
  profile: string;
  overrides?: string[];
  runs: number;
  aggregate: string;
  baseline?: TargetResult & { server_impl: string };
  ratio?: Ratio;
  /** Every baseline that ran (median over runs), y-websocket included; see RunPair. */
  baselines?: Partial<Record<BaselineName, TargetResult & { server_impl: string }>>;
  ratios?: Partial<Record<BaselineName, Ratio>>;
  per_run: RunPair[];
  /** "run:target" of every NOISY run. */
  noisy_runs: string[];
  /** Absent in results converted from the old scenario format. */
  machine?: Machine;
  date?: string;
};

export const AGGREGATE_RULE = "median of runs (lost = worst run; converged/valid = every run; noisy = any run)";
export const BASELINE_IMPL = "y-websocket@1.5.4 bin/server.js";
export const BASELINE_IMPLS: Record<BaselineName, string> = {
  "y-websocket": BASELINE_IMPL,
  hocuspocus: "@hocuspocus/server@3.4.4 + @hocuspocus/extension-sqlite@3.4.4, default debounce (2 s, max 10 s), HMAC token checked in onAuthenticate",
  "hocuspocus-per-update": "@hocuspocus/server@3.4.4 + @hocuspocus/extension-sqlite@3.4.4, debounce 0 (a store per update), HMAC token checked in onAuthenticate",
};

/** The load's description as the report carries it. */
export function loadFields(l: Load): Pick<BenchReport, "profile" | "overrides" | "rooms" | "clients" | "typists" | "rate" | "seconds" | "warmup" | "nodes"> {
  return {
    profile: l.name,
    ...(l.overrides.length > 0 ? { overrides: l.overrides } : {}),
    rooms: l.rooms,
    clients: l.clients,
    typists: l.typists,
    rate: l.rate,
    seconds: l.seconds,
    warmup: l.warmup,
    ...(l.nodes === undefined ? {} : { nodes: l.nodes }),
  };
}

/**
 * Median of every numeric leaf across runs (same shape as one run); booleans must hold in
 * every run (noisy: in any); `lost` is the worst run, not the median; arrays and strings come
 * from the first run, except problems, which are all kept with their run's number.
 */
export function foldRuns(runs: TargetResult[]): TargetResult {
  function fold(values: unknown[], key: string): unknown {
    const first = values[0];
    if (typeof first === "number") {
      const nums = values as number[];
      return key === "lost" || key === "lost_deliveries" ? Math.max(...nums) : median(nums);
    }
    if (typeof first === "boolean") return key === "noisy" ? values.some(Boolean) : values.every(Boolean);
    if (first && typeof first === "object" && !Array.isArray(first)) {
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(first)) out[k] = fold(values.map((v) => (v as Record<string, unknown> | null)?.[k]), k);
      return out;
    }
    return first;
  }
  const folded = fold(runs, "") as TargetResult;
  folded.problems = runs.length === 1 ? runs[0]!.problems : runs.flatMap((r, i) => r.problems.map((p) => `run ${i + 1}: ${p}`));
  return folded;
}

export function ratioOf(a: TargetResult, b: TargetResult): Ratio {
  return {
    cpu_us_per_delivery: round(a.server.cpu_us_per_delivery / b.server.cpu_us_per_delivery, 2),
    p95: round(a.latency_ms.p95 / b.latency_ms.p95, 2),
    p99: round(a.latency_ms.p99 / b.latency_ms.p99, 2),
    rss_mb: round(a.server.rss_mb / b.server.rss_mb, 2),
  };
}

/** The exit-code rule: a load failed when Accord did not converge, lost an edit, or its server stalled over 1 s. */
export function hasFailed(r: TargetResult): boolean {
  return !r.converged || r.lost > 0 || r.event_loop?.server_responsive === false;
}
