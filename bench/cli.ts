// Command-line options → the list of runs. Presets name the two scenarios the team compares
// across changes; explicit flags override a preset's fields.
import { parseArgs } from "node:util";

export type Profile = {
  name: string;
  rooms: number;
  /** Clients per room (each a socket + provider, as one browser tab). */
  clients: number;
  /** Of those, how many type (per room); the rest only receive. */
  typists: number;
  /** Keystrokes per second per typist (mean; intervals are jittered). */
  rate: number;
  /** Measured seconds, after the warm-up. */
  seconds: number;
  warmup: number;
  /** Server processes on PostgreSQL + Redis, clients spread round-robin (bench/cluster/); absent = one node on SQLite. */
  nodes?: number;
};

export const PRESETS: Record<string, Profile> = {
  // One busy drafting session: a plenary room, a fifth of it typing.
  s1: { name: "s1", rooms: 1, clients: 50, typists: 10, rate: 5, seconds: 20, warmup: 5 },
  // Many small breakout rooms at once: fan-out is small, room count is large.
  s2: { name: "s2", rooms: 20, clients: 20, typists: 2, rate: 5, seconds: 20, warmup: 5 },
};

const DEFAULT: Profile = { ...PRESETS.s1!, name: "custom" };

export const USAGE = `Usage: npm run bench -- [--scenario s1|s2] [--rooms N] [--clients N] [--typists N]
                          [--rate N] [--seconds N] [--warmup N] [--json FILE]
  With no options, runs s1 and s2 and prints a table.
  --scenario s1   1 room × 50 clients × 10 typists × 5 keystrokes/s, 20 s
  --scenario s2   20 rooms × 20 clients × 2 typists × 5 keystrokes/s, 20 s
  --clients, --typists are per room; --rate is keystrokes/s per typist.
  BENCH_CPU_PROF=1 writes a V8 CPU profile of the server over the measured window.
  BENCH_COMPACT_AFTER=N passes compactAfterRows to the server (diagnosis only).
  --nodes N       N server processes on PostgreSQL + Redis (DATABASE_URL, REDIS_URL; default the
                  local ones; a fresh database per run), clients spread round-robin over them.
  --trace FILE.json.gz [--rate N]   replay an editing trace through the server (bench/trace/);
                  --rate = transactions/s (default: as fast as acks and the rate limit allow).
  --history [--versions N]   a long version history (default 10,000): list, open, compare, verify`;

export type Cli = { profiles: Profile[]; json: string | null; trace?: { file: string; rate: number | null } };

const NUMERIC = ["rooms", "clients", "typists", "rate", "seconds", "warmup", "nodes"] as const;

export function parseCli(argv: string[]): Cli | { help: true } {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      scenario: { type: "string" },
      json: { type: "string" },
      trace: { type: "string" },
      help: { type: "boolean", short: "h" },
      ...Object.fromEntries(NUMERIC.map((k) => [k, { type: "string" as const }])),
    },
  });
  if (values.help) return { help: true };
  const v = values as Record<string, string | boolean | undefined>;
  const json = typeof v.json === "string" ? v.json : null;
  if (typeof v.trace === "string") {
    const rate = typeof v.rate === "string" ? Number(v.rate) : null;
    if (rate !== null && !(rate > 0)) throw new Error(`--rate must be a number > 0, got "${String(v.rate)}"`);
    return { profiles: [], json, trace: { file: v.trace, rate } };
  }
  const hasOverrides = NUMERIC.some((k) => v[k] !== undefined);
  if (v.scenario === undefined && !hasOverrides) return { profiles: [PRESETS.s1!, PRESETS.s2!], json };

  let base = DEFAULT;
  if (typeof v.scenario === "string") {
    const preset = PRESETS[v.scenario];
    if (!preset) throw new Error(`unknown scenario "${v.scenario}" (known: ${Object.keys(PRESETS).join(", ")})`);
    base = preset;
  }
  const profile: Profile = { ...base, name: hasOverrides ? `${base.name === "custom" ? "custom" : `${base.name}*`}` : base.name };
  for (const k of NUMERIC) {
    const raw = v[k];
    if (typeof raw !== "string") continue;
    const n = Number(raw);
    const isInteger = k !== "rate" && k !== "seconds" && k !== "warmup";
    if (!Number.isFinite(n) || n < 0 || (isInteger && !Number.isInteger(n))) throw new Error(`--${k} must be a ${isInteger ? "whole " : ""}number ≥ 0, got "${raw}"`);
    profile[k] = n;
  }
  if (profile.rooms < 1) throw new Error("--rooms must be at least 1");
  if (profile.clients < 2) throw new Error("--clients must be at least 2 (a sender and a receiver)");
  if (profile.typists < 1 || profile.typists > profile.clients) throw new Error("--typists must be between 1 and --clients");
  if (profile.rate <= 0 || profile.seconds <= 0) throw new Error("--rate and --seconds must be positive");
  if (profile.nodes !== undefined && profile.nodes < 1) throw new Error("--nodes must be at least 1");
  return { profiles: [profile], json };
}
