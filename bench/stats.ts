// Percentiles, the result record (also the --json shape) and how it is printed.
import type { Profile } from "./cli.ts";
import { NOISY_OTHER_CPU_PCT, type HostReport } from "./host.ts";
import { SERVER_LOOP_MAX_LIMIT_MS, formatEventLoop, type EventLoopReport } from "./loop-window.ts";

export type Percentiles = { p50: number; p95: number; p99: number; max: number };

export type RunResult = {
  scenario: string;
  rooms: number;
  clients: number;
  typists: number;
  rate: number;
  seconds: number;
  warmup: number;
  latency_ms: Percentiles;
  latency_samples: number;
  edits_per_s: number;
  deliveries_per_s: number;
  /** Edits (over the whole run, warm-up included) that at least one receiver never saw. */
  lost: number;
  lost_deliveries: number;
  edits_total: number;
  converged: boolean;
  /** False when the generator was too busy to time anything faithfully. */
  valid: boolean;
  server: { cpu_pct: number; cpu_us_per_delivery: number; rss_mb: number };
  persist_lag_ms: { p50: number; p95: number };
  /** Lines the server wrote to stderr that report a failure (see the log named in problems). */
  server_error_lines: number;
  generator_cpu_pct: number;
  /** Event-loop delay over the measured window, server and generator; server_responsive false = failed run. */
  event_loop: EventLoopReport;
  ping_ms: number;
  /** Other processes' CPU during the window: high values make tails incomparable. */
  host: HostReport;
  problems: string[];
};

/** Above this share of one core the generator's own queueing shows up as "latency". */
export const GENERATOR_CPU_LIMIT_PCT = 70;

/** Nearest-rank percentile; sorts in place. */
export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: Number.NaN, p95: Number.NaN, p99: Number.NaN, max: Number.NaN };
  values.sort((a, b) => a - b);
  const at = (p: number) => values[Math.min(values.length - 1, Math.max(0, Math.ceil((p / 100) * values.length) - 1))]!;
  return { p50: at(50), p95: at(95), p99: at(99), max: values[values.length - 1]! };
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : "–";
}

export function describeProfile(p: Profile): string {
  return `${p.rooms} room${p.rooms === 1 ? "" : "s"} × ${p.clients} clients × ${p.typists} typists × ${p.rate}/s, ${p.seconds} s (+${p.warmup} s warm-up)`;
}

export function formatResult(r: RunResult): string {
  const l = r.latency_ms;
  const target = r.rooms * r.typists * r.rate;
  const lines = [
    `── ${r.scenario}: ${r.rooms} room${r.rooms === 1 ? "" : "s"} × ${r.clients} clients × ${r.typists} typists × ${r.rate}/s, ${r.seconds} s measured`,
    `  ping (doc:sync ack) p50   ${fmt(r.ping_ms, 2)} ms`,
    `  propagation latency       p50 ${fmt(l.p50, 2)}  p95 ${fmt(l.p95, 2)}  p99 ${fmt(l.p99, 2)}  max ${fmt(l.max, 2)} ms  (${r.latency_samples} samples)`,
    `  edits/s                   ${fmt(r.edits_per_s)}  (target ${target})`,
    `  deliveries/s              ${fmt(r.deliveries_per_s, 0)}`,
    `  server CPU                ${fmt(r.server.cpu_pct)} % of one core, ${fmt(r.server.cpu_us_per_delivery)} µs per delivery, RSS ${fmt(r.server.rss_mb, 0)} MB`,
    `  persistence lag           p50 ${fmt(r.persist_lag_ms.p50, 2)}  p95 ${fmt(r.persist_lag_ms.p95, 2)} ms (edit → "saved")`,
    `  generator CPU             ${fmt(r.generator_cpu_pct)} % of one core (limit ${GENERATOR_CPU_LIMIT_PCT} %)`,
    `  event-loop delay          ${formatEventLoop(r.event_loop)}`,
    `  host                      ${r.host.cores} cores; other processes used ${r.host.other_cpu_pct === null ? "?" : fmt(r.host.other_cpu_pct)} % of one core (load avg ${r.host.loadavg_1m})${r.host.noisy ? ` — NOISY (> ${NOISY_OTHER_CPU_PCT} %): tail latencies not comparable` : ""}`,
    `  lost edits                ${r.lost} of ${r.edits_total}${r.lost > 0 ? ` (${r.lost_deliveries} deliveries missing)` : ""}`,
    `  converged: ${r.converged ? "yes" : "no"}`,
    `  server responsive: ${r.event_loop.server_responsive === false ? `NO — FAILED: blocked > ${SERVER_LOOP_MAX_LIMIT_MS} ms` : "yes"}`,
    `  valid: ${r.valid ? "yes" : "NO — INVALID: the generator was too busy; latency figures are distorted"}`,
  ];
  for (const p of r.problems) lines.push(`  ! ${p}`);
  return lines.join("\n");
}

export function formatTable(results: RunResult[]): string {
  const head = ["scenario", "rooms×clients×typists×rate", "p50 ms", "p95 ms", "p99 ms", "max ms", "edits/s", "deliv/s", "srv cpu %", "µs/deliv", "rss MB", "persist p95", "gen cpu %", "srv loop max", "gen loop max", "other cpu %", "lost", "converged", "valid"];
  const rows = results.map((r) => [
    r.scenario,
    `${r.rooms}×${r.clients}×${r.typists}×${r.rate}`,
    fmt(r.latency_ms.p50, 2),
    fmt(r.latency_ms.p95, 2),
    fmt(r.latency_ms.p99, 2),
    fmt(r.latency_ms.max, 1),
    fmt(r.edits_per_s),
    fmt(r.deliveries_per_s, 0),
    fmt(r.server.cpu_pct),
    fmt(r.server.cpu_us_per_delivery),
    fmt(r.server.rss_mb, 0),
    fmt(r.persist_lag_ms.p95, 2),
    fmt(r.generator_cpu_pct),
    r.event_loop.server ? `${fmt(r.event_loop.server.max_ms)}${r.event_loop.server_responsive === false ? " FAIL" : ""}` : "–",
    fmt(r.event_loop.generator.max_ms),
    r.host.other_cpu_pct === null ? "?" : `${fmt(r.host.other_cpu_pct)}${r.host.noisy ? " NOISY" : ""}`,
    String(r.lost),
    r.converged ? "yes" : "no",
    r.valid ? "yes" : "INVALID",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
