// The one command line of `npm run bench`: subcommands (`profile P2`, `scenario s1`, `trace FILE`,
// `room-load FILE`, `history`, `board`, `amendments`, `brackets`) and the flag spellings that came
// before them (`--profile P2`, `--scenario s1`, `--trace FILE`, `--room-load FILE`, `--history`,
// `--board`, `--amendments`, `--brackets`), which the docs and the committed results' commands still use. Options that do
// not apply to a command are refused rather than ignored: a silently ignored `--rate` would
// mislabel the figures.
import { parseArgs } from "node:util";
import { CUSTOM, DEFAULT_PRESETS, PRESETS, findPreset, type Preset } from "./presets.ts";
import { BASELINE_NAMES, type BaselineName } from "./result.ts";

export const USAGE = `Usage: npm run bench -- [COMMAND] [OPTIONS]

Commands (the old flag spelling in brackets still works):
  profile NAME…  [--profile NAME]   run named loads (one table: ${PRESETS.map((p) => p.name).join(", ")})
  scenario NAME… [--scenario NAME]  the same thing under its other name
  (none)                            s1 then s2; with load options only, a custom load based on s1
  trace FILE     [--trace FILE]     replay an editing trace (josephg/editing-traces .json.gz)
  room-load FILE [--room-load FILE] a long proposal loaded after a restart
  history        [--history]        a long version history: list, open, compare, verify
  board          [--board]          the workshop's live board: change → every page, rebuild cost
  amendments     [--amendments]     issue 17: opening a proposal with 200 amendments and 500 threads,
                                    typing as amendments vs open drafting (P2), accepting → every tab
  brackets       [--brackets]       issue 18: a 300-paragraph text with 150 brackets and 300 options:
                                    status change → every tab, typing vs the plain text (P2),
                                    margin and progress render in Chromium (needs \`npm run build\`)
  exports        [--exports]        issue 19: a 100k-character proposal to Word, PDF and Markdown;
                                    the outcome record of 20 decided proposals (JSON, Word, PDF)
  page           [--page]           a 100k-character proposal page in Chromium: TTFB and editor
                                    interactive, its room loaded and not (needs \`npm run build\`)
  idle [COUNTS]  [--idle COUNTS]    memory and idle CPU per connected delegate: COUNTS clients
                                    (default 500,1000,2000) over 100 rooms on one server process

Load options (profile, scenario, custom):
  --rooms N --clients N --typists N   override the preset (--clients, --typists per room)
  --rate N                            keystrokes/s per typist
  --seconds N --warmup N              measured seconds, warm-up seconds
  --nodes N                           N server processes on PostgreSQL + Redis (DATABASE_URL,
                                      REDIS_URL; default the local ones; fresh database per run)
  --baseline NAME[,NAME…]             the same load against other servers, right after Accord's in
                                      every run: y-websocket, hocuspocus (default save debounce),
                                      hocuspocus-per-update (a save per update); all = the three
  --runs N                            repeat with fresh servers and report the median
  --json FILE                         write the result (one object, or an array for several loads)
Other options:
  trace:     --rate N (transactions/s; default as fast as acks and the rate limit allow), --json FILE
  room-load: --rooms N (≥ 2, default 10), --json FILE
  history:   --versions N (≥ 2, default 10,000)
  board:     --proposals N[,N…] (default 4; e.g. 4,40 runs both), --clients N (pages, default 60),
             --changes N (default 20), --json FILE
  amendments: --opens N (cold and warm opens each, ≥ 2, default 20), --accepts N (≤ 200, default 30),
             --runs N (default 1; medians), --json FILE
  brackets:  --changes N (status changes, default 40), --runs N (default 3; medians; 0: browser only),
             --loads N (page loads in Chromium, default 5; 0 skips the browser), --json FILE
  exports:   --runs N (default 5; medians), --json FILE
  page:      --loads N (page loads per case, default 5; medians), --json FILE
  idle:      --rooms N (default 100), --typists N (in all, default 5), --rate N, --seconds N (each
             window, default 20), --baseline hocuspocus (the same steps on Hocuspocus), --json FILE

  s1  1 room × 50 clients × 10 typists     s2  20 rooms × 20 clients × 2 typists
  P1  1 × 10 × 3    P2  1 × 50 × 10    P3  1 × 100 × 20    P4  200 × 3 × 1
  P5  P2 as a 300 s soak (RSS drift, unload, compaction)    P6  P2 on 2 nodes + Redis
  All type 5 keystrokes/s, 20 s measured after 5 s warm-up unless overridden.
Environment: BENCH_CPU_PROF=1 (server CPU profile of the measured window), BENCH_COMPACT_AFTER=N,
  BENCH_COMMIT_INTERVAL_MS=N, BENCH_SERVER_FLAGS="…", ACCORD_EVENT_LOOP_BLOCK_MS=N (bench/README.md).`;

/** A preset as run: `overrides` names the fields the command line changed. */
export type Load = Preset & { overrides: string[] };

export type Command =
  | { kind: "load"; loads: Load[]; baselines: BaselineName[]; runs: number; json: string | null }
  | { kind: "trace"; file: string; rate: number | null; json: string | null }
  | { kind: "room-load"; trace: string; rooms: number; json: string | null }
  | { kind: "history"; versions: number }
  | { kind: "board"; proposals: number[]; clients: number; changes: number; json: string | null }
  | { kind: "amendments"; opens: number; accepts: number; runs: number; json: string | null }
  | { kind: "brackets"; changes: number; runs: number; loads: number; json: string | null }
  | { kind: "exports"; runs: number; json: string | null }
  | { kind: "page"; loads: number; json: string | null }
  | { kind: "idle"; counts: number[]; rooms: number; typists: number; rate: number; seconds: number; baselines: Array<"hocuspocus">; json: string | null }
  | { kind: "help" };

const SUBCOMMANDS = ["profile", "scenario", "trace", "room-load", "history", "board", "amendments", "brackets", "exports", "page", "idle", "help"] as const;
type Subcommand = (typeof SUBCOMMANDS)[number];

const LOAD_FIELDS = ["rooms", "clients", "typists", "rate", "seconds", "warmup", "nodes"] as const;
const INTEGER_FIELDS: ReadonlySet<string> = new Set(["rooms", "clients", "typists", "nodes"]);

/** Which options each command takes (the alias flag that names the command is not listed). */
const ALLOWED: Record<Exclude<Subcommand, "help">, readonly string[]> = {
  profile: [...LOAD_FIELDS, "baseline", "runs", "json"],
  scenario: [...LOAD_FIELDS, "baseline", "runs", "json"],
  trace: ["rate", "json"],
  "room-load": ["rooms", "json"],
  history: ["versions"],
  board: ["proposals", "clients", "changes", "json"],
  amendments: ["opens", "accepts", "runs", "json"],
  brackets: ["changes", "runs", "loads", "json"],
  exports: ["runs", "json"],
  page: ["loads", "json"],
  idle: ["rooms", "typists", "rate", "seconds", "baseline", "json"],
};

const str = { type: "string" } as const;
const OPTIONS = {
  profile: str,
  scenario: str,
  trace: str,
  "room-load": str,
  history: { type: "boolean" },
  board: { type: "boolean" },
  amendments: { type: "boolean" },
  brackets: { type: "boolean" },
  exports: { type: "boolean" },
  page: { type: "boolean" },
  idle: str,
  loads: str,
  proposals: str,
  opens: str,
  accepts: str,
  changes: str,
  help: { type: "boolean", short: "h" },
  baseline: str,
  runs: str,
  json: str,
  versions: str,
  ...Object.fromEntries(LOAD_FIELDS.map((k) => [k, str])),
} as const;

type Values = Record<string, string | boolean | undefined>;

function number(values: Values, key: string, opts: { isInteger: boolean; min: number }): number | undefined {
  const raw = values[key];
  if (typeof raw !== "string") return undefined;
  const n = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(n) || n < opts.min || (opts.isInteger && !Number.isInteger(n))) {
    throw new Error(`--${key} must be a ${opts.isInteger ? "whole " : ""}number ≥ ${opts.min}, got "${raw}"`);
  }
  return n;
}

function applyOverrides(base: Preset, values: Values): Load {
  const load: Load = { ...base, overrides: [] };
  for (const k of LOAD_FIELDS) {
    const n = number(values, k, { isInteger: INTEGER_FIELDS.has(k), min: 0 });
    if (n === undefined) continue;
    load[k] = n;
    load.overrides.push(k);
  }
  if (load.rooms < 1) throw new Error("--rooms must be at least 1");
  if (load.clients < 2) throw new Error("--clients must be at least 2 (a sender and a receiver)");
  if (load.typists < 1 || load.typists > load.clients) throw new Error("--typists must be between 1 and --clients");
  if (load.rate <= 0 || load.seconds <= 0) throw new Error("--rate and --seconds must be positive");
  if (load.nodes !== undefined && load.nodes < 1) throw new Error("--nodes must be at least 1");
  return load;
}

/** The command named by a positional word or by one of the old flags; never both, never two. */
function commandOf(values: Values, positionals: string[]): { sub: Subcommand | null; args: string[] } {
  const named: Array<{ sub: Subcommand; args: string[] }> = [];
  const [first, ...rest] = positionals;
  if (first !== undefined) {
    if (!(SUBCOMMANDS as readonly string[]).includes(first)) throw new Error(`unknown command "${first}" (known: ${SUBCOMMANDS.join(", ")})`);
    named.push({ sub: first as Subcommand, args: rest });
  }
  for (const flag of ["profile", "scenario", "trace", "room-load", "idle"] as const) {
    const v = values[flag];
    if (typeof v === "string") named.push({ sub: flag, args: [v] });
  }
  if (values.history === true) named.push({ sub: "history", args: [] });
  if (values.board === true) named.push({ sub: "board", args: [] });
  if (values.amendments === true) named.push({ sub: "amendments", args: [] });
  if (values.brackets === true) named.push({ sub: "brackets", args: [] });
  if (values.exports === true) named.push({ sub: "exports", args: [] });
  if (values.page === true) named.push({ sub: "page", args: [] });
  if (named.length > 1) throw new Error(`one command at a time (got ${named.map((n) => n.sub).join(" and ")})`);
  return named[0] ?? { sub: null, args: [] };
}

export function parseCli(argv: string[]): Command {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: OPTIONS });
  const v = values as Values;
  if (v.help === true) return { kind: "help" };
  const { sub, args } = commandOf(v, positionals);
  if (sub === "help") return { kind: "help" };

  const allowed = ALLOWED[sub ?? "profile"];
  for (const [key, value] of Object.entries(v)) {
    if (value === undefined || key === sub) continue;
    if (!allowed.includes(key)) throw new Error(`--${key} does not apply to ${sub ? `"${sub}"` : "a load run"}`);
  }
  const json = typeof v.json === "string" ? v.json : null;
  const one = (what: string): string => {
    if (args.length !== 1 || args[0]!.startsWith("-")) throw new Error(`"${sub}" needs exactly one ${what}`);
    return args[0]!;
  };

  switch (sub) {
    case "trace":
      return { kind: "trace", file: one("trace file"), rate: positive(v, "rate"), json };
    case "room-load":
      return { kind: "room-load", trace: one("trace file"), rooms: number(v, "rooms", { isInteger: true, min: 2 }) ?? 10, json };
    case "history":
      if (args.length > 0) throw new Error(`"history" takes no arguments (got ${args.join(" ")})`);
      return { kind: "history", versions: number(v, "versions", { isInteger: true, min: 2 }) ?? 10_000 };
    case "board": {
      if (args.length > 0) throw new Error(`"board" takes no arguments (got ${args.join(" ")})`);
      const list = typeof v.proposals === "string" ? v.proposals.split(",") : ["4"];
      const proposals = list.map((raw) => number({ proposals: raw }, "proposals", { isInteger: true, min: 1 })!);
      const clients = number(v, "clients", { isInteger: true, min: 1 }) ?? 60;
      return { kind: "board", proposals, clients, changes: number(v, "changes", { isInteger: true, min: 1 }) ?? 20, json };
    }
    case "amendments": {
      if (args.length > 0) throw new Error(`"amendments" takes no arguments (got ${args.join(" ")})`);
      const accepts = number(v, "accepts", { isInteger: true, min: 1 }) ?? 30;
      // Each accept takes another of the 200 seeded open amendments (bench/amendments/).
      if (accepts > 200) throw new Error(`--accepts must be at most 200 (the seeded open amendments), got ${accepts}`);
      return {
        kind: "amendments",
        opens: number(v, "opens", { isInteger: true, min: 2 }) ?? 20,
        accepts,
        runs: number(v, "runs", { isInteger: true, min: 1 }) ?? 1,
        json,
      };
    }
    case "brackets": {
      if (args.length > 0) throw new Error(`"brackets" takes no arguments (got ${args.join(" ")})`);
      return {
        kind: "brackets",
        changes: number(v, "changes", { isInteger: true, min: 1 }) ?? 40,
        // 0: the browser part only.
        runs: number(v, "runs", { isInteger: true, min: 0 }) ?? 3,
        loads: number(v, "loads", { isInteger: true, min: 0 }) ?? 5,
        json,
      };
    }
    case "exports": {
      if (args.length > 0) throw new Error(`"exports" takes no arguments (got ${args.join(" ")})`);
      return { kind: "exports", runs: number(v, "runs", { isInteger: true, min: 1 }) ?? 5, json };
    }
    case "idle": {
      if (args.length > 1) throw new Error(`"idle" takes at most one list of counts (got ${args.join(" ")})`);
      const counts = (args[0] ?? "500,1000,2000").split(",").map((raw) => number({ idle: raw }, "idle", { isInteger: true, min: 2 })!);
      const rooms = number(v, "rooms", { isInteger: true, min: 1 }) ?? 100;
      const typists = number(v, "typists", { isInteger: true, min: 0 }) ?? 5;
      if (counts.some((n) => n < rooms)) throw new Error(`idle: every count must be at least --rooms (${rooms}), got ${counts.join(",")}`);
      if (typists > rooms) throw new Error("idle: --typists (one per room) must be at most --rooms");
      const baselines = baselineList(v.baseline);
      if (baselines.some((b) => b !== "hocuspocus")) throw new Error(`idle: --baseline takes only "hocuspocus" (got ${baselines.join(",")})`);
      return {
        kind: "idle",
        counts: [...counts].sort((a, b) => a - b),
        rooms,
        typists,
        rate: positive(v, "rate") ?? 5,
        seconds: positive(v, "seconds") ?? 20,
        baselines: baselines as Array<"hocuspocus">,
        json,
      };
    }
    case "page": {
      if (args.length > 0) throw new Error(`"page" takes no arguments (got ${args.join(" ")})`);
      return { kind: "page", loads: number(v, "loads", { isInteger: true, min: 1 }) ?? 5, json };
    }
    case "profile":
    case "scenario":
    case null: {
      if (sub !== null && args.length === 0) throw new Error(`"${sub}" needs a name (${PRESETS.map((p) => p.name).join(", ")})`);
      const hasOverrides = LOAD_FIELDS.some((k) => v[k] !== undefined);
      const names = sub !== null ? args : hasOverrides ? [] : DEFAULT_PRESETS;
      const bases = names.map((name) => {
        const p = findPreset(name);
        if (!p) throw new Error(`unknown ${sub ?? "preset"} "${name}" (known: ${PRESETS.map((x) => x.name).join(", ")})`);
        return p;
      });
      const loads = (bases.length > 0 ? bases : [CUSTOM]).map((p) => applyOverrides(p, v));
      const baselines = baselineList(v.baseline);
      const runs = number(v, "runs", { isInteger: true, min: 1 }) ?? 1;
      return { kind: "load", loads, baselines, runs, json };
    }
  }
}

/** `--baseline y-websocket,hocuspocus` → the servers to run after Accord's, in that order (`all`: every one). */
export function baselineList(raw: string | boolean | undefined): BaselineName[] {
  if (typeof raw !== "string") return [];
  const names = raw.split(",").map((n) => n.trim()).filter(Boolean);
  const list = names.includes("all") ? [...BASELINE_NAMES] : names;
  for (const n of list) if (!(BASELINE_NAMES as readonly string[]).includes(n)) throw new Error(`--baseline: unknown server "${n}" (known: ${BASELINE_NAMES.join(", ")}, all)`);
  if (new Set(list).size !== list.length || list.length === 0) throw new Error(`--baseline: name each server once (got "${raw}")`);
  return list as BaselineName[];
}

function positive(values: Values, key: string): number | null {
  const n = number(values, key, { isInteger: false, min: 0 });
  if (n === undefined) return null;
  if (n <= 0) throw new Error(`--${key} must be a number > 0, got "${String(values[key])}"`);
  return n;
}
