// The named loads, in one table: the team's two scenarios (compared across changes of the
// server) and the performance issue's profiles P1–P6 (compared against y-websocket). A scenario
// and a profile are the same thing to the run engine; they differ only in where they come from.

export type Preset = {
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
  /** Soak: sample RSS at start/middle/end, then disconnect and wait for the rooms to unload. */
  soak?: boolean;
};

const P2: Preset = { name: "P2", rooms: 1, clients: 50, typists: 10, rate: 5, seconds: 20, warmup: 5 };

export const PRESETS: readonly Preset[] = [
  // One busy drafting session: a plenary room, a fifth of it typing.
  { name: "s1", rooms: 1, clients: 50, typists: 10, rate: 5, seconds: 20, warmup: 5 },
  // Many small breakout rooms at once: fan-out is small, room count is large.
  { name: "s2", rooms: 20, clients: 20, typists: 2, rate: 5, seconds: 20, warmup: 5 },
  // The profiles (BENCHMARKS.md, Method).
  { name: "P1", rooms: 1, clients: 10, typists: 3, rate: 5, seconds: 20, warmup: 5 },
  P2,
  { name: "P3", rooms: 1, clients: 100, typists: 20, rate: 5, seconds: 20, warmup: 5 },
  { name: "P4", rooms: 200, clients: 3, typists: 1, rate: 5, seconds: 20, warmup: 5 },
  { ...P2, name: "P5", seconds: 300, soak: true },
  { ...P2, name: "P6", nodes: 2 },
];

/** What runs when `npm run bench` gets no arguments at all. */
export const DEFAULT_PRESETS = ["s1", "s2"];

/** Explicit load options without a preset start from this one (s1's load). */
export const CUSTOM: Preset = { ...PRESETS[0]!, name: "custom" };

/** Case-insensitive: `p2` and `S1` name P2 and s1 (the two old parsers disagreed on case). */
export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name.toLowerCase() === name.toLowerCase());
}

export function describePreset(p: Preset): string {
  const load = `${p.rooms} room${p.rooms === 1 ? "" : "s"} × ${p.clients} clients × ${p.typists} typist${p.typists === 1 ? "" : "s"} × ${p.rate}/s, ${p.seconds} s measured (+${p.warmup} s warm-up)`;
  const nodes = p.nodes === undefined ? "" : `, ${p.nodes} node${p.nodes === 1 ? "" : "s"} on PostgreSQL + Redis`;
  return `${load}${nodes}${p.soak ? ", soak" : ""}`;
}
