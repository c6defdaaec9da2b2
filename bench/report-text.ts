// How a BenchReport reads in a terminal: one block per server (the README's "Reading the
// output"), a short line per run when there are several runs or a baseline, the Accord ÷
// y-websocket ratio, and a table when several loads ran.
import { NOISY_OTHER_CPU_PCT } from "./host.ts";
import { SERVER_LOOP_MAX_LIMIT_MS, formatEventLoop } from "./loop-window.ts";
import { describePreset } from "./presets.ts";
import type { BenchReport, Ratio, TargetResult } from "./result.ts";
import { GENERATOR_CPU_LIMIT_PCT } from "./stats.ts";

const PING_LABEL: Record<TargetResult["target"], string> = {
  accord: "doc:sync ack",
  "y-websocket": "sync step 1 → 2",
  hocuspocus: "stateless echo",
  "hocuspocus-per-update": "stateless echo",
};

function persistLine(t: TargetResult): string {
  const p = t.persist_lag_ms;
  if (!p) return "n/a (nothing stored, no durability acknowledgements)";
  const tail = p.p99 === undefined ? "" : `  p99 ${fmt(p.p99, 2)}  max ${fmt(p.max, 1)}`;
  if (t.persist_measure === "row-committed") {
    const disk = t.disk ? `; ${fmt(t.disk.stores, 0)} rows written${t.disk.missing > 0 ? `, ${fmt(t.disk.missing, 0)} edits never on disk in time` : ""}` : "";
    return `p50 ${fmt(p.p50, 2)}  p95 ${fmt(p.p95, 2)}${tail} ms (time to disk: edit → committed SQLite row holding it, inserts${disk})`;
  }
  return `p50 ${fmt(p.p50, 2)}  p95 ${fmt(p.p95, 2)}${tail} ms (edit → "saved")`;
}

function fmt(n: number | null | undefined, digits = 1): string {
  return n !== null && n !== undefined && Number.isFinite(n) ? n.toFixed(digits) : "–";
}

/** The preset's name, starred when the command line changed it (`s1*`). */
export function displayName(r: Pick<BenchReport, "profile" | "overrides">): string {
  return `${r.profile}${r.overrides && r.overrides.length > 0 ? "*" : ""}`;
}

function describeLoad(r: BenchReport): string {
  const load = describePreset({ name: r.profile, rooms: r.rooms, clients: r.clients, typists: r.typists, rate: r.rate, seconds: r.seconds, warmup: r.warmup, ...(r.nodes === undefined ? {} : { nodes: r.nodes }) });
  return `${load}${r.overrides && r.overrides.length > 0 ? ` (set on the command line: ${r.overrides.join(", ")})` : ""}`;
}

function hostLine(r: BenchReport, t: TargetResult): string {
  const h = t.host;
  if (!h) return "not recorded";
  const other = `other processes used ${h.other_cpu_pct === null ? "?" : fmt(h.other_cpu_pct)} % of one core`;
  const noisy = ` — NOISY (> ${NOISY_OTHER_CPU_PCT} %): tail latencies not comparable`;
  if (r.runs === 1) return `${h.cores} cores; ${other} (load avg ${h.loadavg_1m})${t.noisy ? noisy : ""}`;
  // Folded: the figure is the median, while noisy holds when any run was.
  const noisyRuns = r.noisy_runs.filter((x) => x.endsWith(`:${t.target}`)).length;
  return `${h.cores} cores; ${other} (median of runs)${noisyRuns > 0 ? ` — NOISY in ${noisyRuns} of ${r.runs} runs: their tails are not comparable` : ""}`;
}

function responsive(t: TargetResult): string {
  if (!t.event_loop) return "not recorded";
  const v = t.event_loop.server_responsive;
  if (v === false) return `NO — FAILED: blocked > ${SERVER_LOOP_MAX_LIMIT_MS} ms`;
  return v === true ? "yes" : "n/a (this server reports no event-loop figures)";
}

/** The full block for one server's figures in a report (`t` is the report itself or its baseline). */
export function formatTarget(r: BenchReport, t: TargetResult): string {
  const l = t.latency_ms;
  const target = r.rooms * r.typists * r.rate;
  const over = r.runs > 1 ? `median of ${r.runs} runs` : "one run";
  const lines = [
    `── ${displayName(r)} · ${t.target} (${over}): ${describeLoad(r)}`,
    `  ping p50                  ${fmt(t.ping_ms, 2)} ms (${PING_LABEL[t.target]}, idle: the floor for any relay)`,
    `  propagation latency       p50 ${fmt(l.p50, 2)}  p95 ${fmt(l.p95, 2)}  p99 ${fmt(l.p99, 2)}  max ${fmt(l.max, 2)} ms  (${t.latency_samples} samples)`,
    `  edits/s                   ${fmt(t.edits_per_s)}  (target ${target})`,
    `  deliveries/s              ${fmt(t.deliveries_per_s, 0)}`,
    `  server CPU                ${fmt(t.server.cpu_pct)} % of one core, ${fmt(t.server.cpu_us_per_delivery)} µs per delivery, RSS ${fmt(t.server.rss_mb, 0)} MB${r.nodes !== undefined && t.target === "accord" ? " (sums over the nodes)" : ""}`,
    `  persistence lag           ${persistLine(t)}`,
    `  generator CPU             ${fmt(t.generator_cpu_pct)} % of one core (limit ${GENERATOR_CPU_LIMIT_PCT} %)`,
    `  event-loop delay          ${t.event_loop ? formatEventLoop(t.event_loop) : "not recorded"}`,
    `  host                      ${hostLine(r, t)}`,
    `  lost edits                ${t.lost} of ${t.edits_total}${t.lost > 0 ? ` (${t.lost_deliveries} deliveries missing)` : ""}`,
  ];
  if (t.soak) {
    const s = t.soak;
    const rss = s.rss_mb;
    lines.push(`  soak RSS                  before clients ${fmt(rss.before_clients)} → start ${fmt(rss.start)} → middle ${fmt(rss.middle)} → end ${fmt(rss.end)} → ${s.unload_wait_s} s after the last client left ${fmt(rss.after_unload)} MB (drift ${fmt(s.rss_drift_mb)} MB)`);
    if (s.journal) lines.push(`  journal afterwards        ${s.journal.checkpoints} checkpoint(s) that absorbed ${s.journal.rows_merged_into_checkpoints} rows; ${s.journal.journal_rows} journal rows left`);
  }
  if (t.cpu_profile) lines.push(`  server CPU profile        ${t.cpu_profile} (profiling inflates the CPU figures)`);
  lines.push(`  converged: ${t.converged ? "yes" : "no"}`, `  server responsive: ${responsive(t)}`);
  lines.push(`  valid: ${t.valid ? "yes" : "NO — INVALID: the generator was too busy; latency figures are distorted"}`);
  for (const p of t.problems) lines.push(`  ! ${p}`);
  return lines.join("\n");
}

/** A few lines per server per run, printed as the runs go. */
export function formatRunLine(t: TargetResult): string {
  const l = t.latency_ms;
  const flags = [
    t.converged ? "converged" : "NOT CONVERGED",
    t.valid ? "valid" : "INVALID",
    ...(t.event_loop?.server_responsive === false ? ["SERVER STALLED (FAILED)"] : []),
    t.host ? `${t.noisy ? "NOISY" : "quiet"} (other ${t.host.other_cpu_pct} %)` : "",
  ].filter(Boolean);
  return [
    `  ${t.target.padEnd(11)} p50 ${fmt(l.p50, 2)}  p95 ${fmt(l.p95, 2)}  p99 ${fmt(l.p99, 2)}  max ${fmt(l.max)} ms | ping ${fmt(t.ping_ms, 2)} ms`,
    `              ${t.edits_per_s} edits/s, ${t.deliveries_per_s} deliveries/s, lost ${t.lost}/${t.edits_total} | server ${t.server.cpu_pct} % CPU, ${t.server.cpu_us_per_delivery} µs/delivery, RSS ${t.server.rss_mb} MB` +
      (t.persist_lag_ms ? ` | ${t.persist_measure === "row-committed" ? "to disk" : "persist"} p95 ${fmt(t.persist_lag_ms.p95)} ms` : ""),
    `              generator ${t.generator_cpu_pct} % of a core | ${flags.join(", ")}`,
    `              event-loop delay: ${t.event_loop ? formatEventLoop(t.event_loop) : "not recorded"}`,
    ...t.problems.map((p) => `              ! ${p}`),
  ].join("\n");
}

export function formatRatio(r: Ratio, baseline = "y-websocket"): string {
  return `  ratio (Accord ÷ ${baseline}): CPU per delivery ${fmt(r.cpu_us_per_delivery, 2)}×, p95 latency ${fmt(r.p95, 2)}×${r.p99 === undefined ? "" : `, p99 ${fmt(r.p99, 2)}×`}, RSS ${fmt(r.rss_mb, 2)}×`;
}

/** One row per server per load, for a run of several loads. */
export function formatTable(reports: BenchReport[]): string {
  const head = ["load", "server", "rooms×clients×typists×rate", "p50 ms", "p95 ms", "p99 ms", "max ms", "edits/s", "deliv/s", "srv cpu %", "µs/deliv", "rss MB", "persist p95", "gen cpu %", "srv loop max", "gen loop max", "other cpu %", "lost", "converged", "valid"];
  const row = (r: BenchReport, t: TargetResult) => [
    displayName(r),
    t.target,
    `${r.rooms}×${r.clients}×${r.typists}×${r.rate}`,
    fmt(t.latency_ms.p50, 2),
    fmt(t.latency_ms.p95, 2),
    fmt(t.latency_ms.p99, 2),
    fmt(t.latency_ms.max, 1),
    fmt(t.edits_per_s),
    fmt(t.deliveries_per_s, 0),
    fmt(t.server.cpu_pct),
    fmt(t.server.cpu_us_per_delivery),
    fmt(t.server.rss_mb, 0),
    t.persist_lag_ms ? fmt(t.persist_lag_ms.p95, 2) : "n/a",
    fmt(t.generator_cpu_pct),
    t.event_loop?.server ? `${fmt(t.event_loop.server.max_ms)}${t.event_loop.server_responsive === false ? " FAIL" : ""}` : "–",
    fmt(t.event_loop?.generator.max_ms),
    t.host?.other_cpu_pct === null || t.host === null ? "?" : `${fmt(t.host.other_cpu_pct)}${t.host.noisy ? " NOISY" : ""}`,
    String(t.lost),
    t.converged ? "yes" : "no",
    t.valid ? "yes" : "INVALID",
  ];
  const rows = reports.flatMap((r) => [row(r, r), ...Object.values(r.baselines ?? (r.baseline ? { "y-websocket": r.baseline } : {})).map((b) => row(r, b))]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 3 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
