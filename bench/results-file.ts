// Reading a --json result back as a BenchReport (bench/result.ts), including the files committed
// in bench/results/ before the two run paths became one: profile reports without event-loop,
// host or server-log figures at the top level (they are folded again from per_run, which has
// what was measured), and the old scenario format (one flat run with `scenario`, or an array).
// Nothing is invented: what a file never measured reads as null.
import { readFileSync, readdirSync } from "node:fs";
import { AGGREGATE_RULE, foldRuns, type BaselineName, type BenchReport, type RunPair, type TargetResult } from "./result.ts";

type Json = Record<string, unknown>;

function target(raw: Json, name: TargetResult["target"]): TargetResult {
  return {
    ...(raw as unknown as TargetResult),
    target: (raw.target as TargetResult["target"] | undefined) ?? name,
    event_loop: (raw.event_loop as TargetResult["event_loop"] | undefined) ?? null,
    host: (raw.host as TargetResult["host"] | undefined) ?? null,
    server_error_lines: (raw.server_error_lines as number | undefined) ?? null,
    noisy: (raw.noisy as boolean | undefined) ?? (raw.host as { noisy?: boolean } | undefined)?.noisy ?? false,
    problems: (raw.problems as string[] | undefined) ?? [],
  };
}

/** The old scenario result: one run, flat, named by `scenario`. */
function fromScenario(raw: Json): BenchReport {
  const { scenario, rooms, clients, typists, rate, seconds, warmup, ...rest } = raw;
  const run = target(rest, "accord");
  return {
    ...run,
    profile: String(scenario),
    rooms: rooms as number,
    clients: clients as number,
    typists: typists as number,
    rate: rate as number,
    seconds: seconds as number,
    warmup: warmup as number,
    runs: 1,
    aggregate: "single run",
    per_run: [{ run: 1, accord: run }],
    noisy_runs: run.noisy ? ["1:accord"] : [],
  };
}

/** Every baseline of a run or report: `baselines` since Hocuspocus was added, else the one `baseline` (y-websocket). */
function baselinesOf(raw: Json): Partial<Record<BaselineName, TargetResult>> | undefined {
  const all = raw.baselines as Record<string, Json> | undefined;
  if (all) return Object.fromEntries(Object.entries(all).map(([name, b]) => [name, target(b, name as BaselineName)]));
  return raw.baseline ? { "y-websocket": target(raw.baseline as Json, "y-websocket") } : undefined;
}

function fromProfile(raw: Json): BenchReport {
  const perRun = ((raw.per_run as Json[] | undefined) ?? []).map((p): RunPair => {
    const baselines = baselinesOf(p);
    return {
      ...(p as unknown as RunPair),
      accord: target(p.accord as Json, "accord"),
      ...(p.baseline ? { baseline: target(p.baseline as Json, "y-websocket") } : {}),
      ...(baselines ? { baselines } : {}),
    };
  });
  // Older reports kept only some of the folded figures at the top level: fold the rest again.
  const folded = perRun.length > 0 ? foldRuns(perRun.map((p) => p.accord)) : null;
  const top = target({ ...folded, ...raw, problems: raw.problems ?? folded?.problems }, "accord");
  const baseline = raw.baseline ? { ...target(raw.baseline as Json, "y-websocket"), server_impl: String((raw.baseline as Json).server_impl ?? "y-websocket") } : undefined;
  const rawBaselines = (raw.baselines as Record<string, Json> | undefined) ?? (raw.baseline ? { "y-websocket": raw.baseline as Json } : undefined);
  const baselines = rawBaselines
    ? Object.fromEntries(Object.entries(rawBaselines).map(([name, b]) => [name, { ...target(b, name as BaselineName), server_impl: String(b.server_impl ?? name) }]))
    : undefined;
  const ratios = (raw.ratios as BenchReport["ratios"] | undefined) ?? (raw.ratio ? { "y-websocket": raw.ratio as NonNullable<BenchReport["ratio"]> } : undefined);
  return {
    ...(raw as unknown as BenchReport),
    ...top,
    aggregate: (raw.aggregate as string | undefined) ?? AGGREGATE_RULE,
    ...(baseline ? { baseline } : {}),
    ...(baselines ? { baselines } : {}),
    ...(ratios ? { ratios } : {}),
    per_run: perRun,
    noisy_runs: (raw.noisy_runs as string[] | undefined) ?? [],
  };
}

export function toReport(raw: Json): BenchReport {
  return "scenario" in raw && !("profile" in raw) ? fromScenario(raw) : fromProfile(raw);
}

/** A --json file: one report, or several (a run of several loads writes an array). */
export function readReports(path: string | URL): BenchReport[] {
  const raw = JSON.parse(readFileSync(path, "utf8")) as Json | Json[];
  return (Array.isArray(raw) ? raw : [raw]).map(toReport);
}

/** P1.json … P6.json in a directory: one file per profile as the issue defines it (variants such as P2-steady.json are not read). */
export function readProfileResults(dir: URL): BenchReport[] {
  return readdirSync(dir)
    .filter((f) => /^P\d\.json$/.test(f))
    .flatMap((f) => readReports(new URL(f, dir)))
    .sort((a, b) => a.profile.localeCompare(b.profile));
}
