// The performance issue's named profiles (npm run bench -- --profile P2 …), their options, and
// how several runs are folded into one reported figure (the median, per-run values kept).
import { parseArgs } from "node:util";
import type { Profile } from "./cli.ts";

/** A named profile: the scenario fields of bench/cli.ts's Profile, and optionally a soak. */
export type BenchProfile = Profile & {
  /** Soak: sample RSS at start/middle/end, then disconnect and wait for rooms to unload. */
  soak?: boolean;
};

const P2: BenchProfile = { name: "P2", rooms: 1, clients: 50, typists: 10, rate: 5, seconds: 20, warmup: 5 };

export const PROFILES: Record<string, BenchProfile> = {
  P1: { name: "P1", rooms: 1, clients: 10, typists: 3, rate: 5, seconds: 20, warmup: 5 },
  P2,
  P3: { name: "P3", rooms: 1, clients: 100, typists: 20, rate: 5, seconds: 20, warmup: 5 },
  P4: { name: "P4", rooms: 200, clients: 3, typists: 1, rate: 5, seconds: 20, warmup: 5 },
  P5: { ...P2, name: "P5", seconds: 300, soak: true },
  P6: { ...P2, name: "P6", nodes: 2 },
};

export const PROFILE_USAGE = `Usage: npm run bench -- --profile P1|P2|P3|P4|P5|P6 [--baseline y-websocket] [--runs N] [--json FILE]
                          [--rate N] [--seconds N] [--warmup N]
  P1 1 room × 10 clients × 3 typists     P2 1 × 50 × 10     P3 1 × 100 × 20
  P4 200 rooms × 3 clients × 1 typist    P5 = P2 as a 300 s soak (RSS drift, unload, compaction)
  P6 = P2 on 2 nodes + Redis
  Typists type 5 keystrokes/s unless --rate; 20 s measured after 5 s warm-up unless overridden.
  --baseline y-websocket  the same load against y-websocket's reference server, run after ours each run
  --runs N                repeat N times (fresh servers and rooms each time) and report the median`;

export type ProfileCli = { profile: BenchProfile; baseline: "y-websocket" | null; runs: number; json: string | null };

export function isProfileInvocation(argv: string[]): boolean {
  return argv.some((a) => a === "--profile" || a.startsWith("--profile="));
}

export function parseProfileCli(argv: string[]): ProfileCli {
  const { values: v } = parseArgs({
    args: argv,
    strict: true,
    options: {
      profile: { type: "string" },
      baseline: { type: "string" },
      runs: { type: "string" },
      json: { type: "string" },
      rate: { type: "string" },
      seconds: { type: "string" },
      warmup: { type: "string" },
    },
  });
  const base = PROFILES[(v.profile ?? "").toUpperCase()];
  if (!base) throw new Error(`unknown profile "${v.profile}" (known: ${Object.keys(PROFILES).join(", ")})`);
  if (v.baseline !== undefined && v.baseline !== "y-websocket") throw new Error(`--baseline supports only "y-websocket", got "${v.baseline}"`);
  const profile = { ...base };
  for (const k of ["rate", "seconds", "warmup"] as const) {
    const raw = v[k];
    if (raw === undefined) continue;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < 0 || (k !== "warmup" && n === 0)) throw new Error(`--${k} must be a positive number, got "${raw}"`);
    profile[k] = n;
  }
  const runs = v.runs === undefined ? 1 : Number(v.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a whole number ≥ 1, got "${v.runs}"`);
  return { profile, baseline: v.baseline === "y-websocket" ? "y-websocket" : null, runs, json: v.json ?? null };
}

export function median(values: number[]): number {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const mid = Math.floor(xs.length / 2);
  if (xs.length % 2 === 1) return xs[mid]!;
  // The mean of the middle two, without binary-fraction noise in the report (2458.3999…).
  return Number(((xs[mid - 1]! + xs[mid]!) / 2).toPrecision(12));
}

/**
 * Median of every numeric leaf across runs (same shape as one run); booleans must hold in
 * every run; `lost` is the worst run, not the median; arrays and strings come from the first run.
 */
export function foldRuns<T>(runs: T[]): T {
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
  return fold(runs, "") as T;
}
