// The trace replay's result: the --json shape, and how it is printed.
import type { HostReport } from "../host.ts";
import { NOISY_OTHER_CPU_PCT } from "../host.ts";
import { SERVER_LOOP_MAX_LIMIT_MS, formatEventLoop, type EventLoopReport } from "../loop-window.ts";
import { round, type Percentiles } from "../stats.ts";

type Latency = Percentiles & { samples: number };

export type TraceResult = {
  trace: string;
  concurrent: boolean;
  agents: number;
  txns: number;
  patches: number;
  mode: string;
  rate: number | null;
  update_messages: number;
  seconds_until_saved: number;
  seconds_until_sent: number;
  txns_per_s: number;
  edits_per_s: number;
  ack_ms: Latency;
  relay_ms: Latency;
  causal_wait_s: number;
  server: { cpu_pct: number; rss_mb: number };
  generator: { cpu_pct: number };
  /** Over the replay (first send → all saved); server_responsive false = the run failed. */
  event_loop: EventLoopReport;
  host: HostReport;
  replicas: Array<{ name: string; result: string }>;
  all_equal: boolean;
  refused: string[];
  server_error_lines: number;
  /** What went wrong or needs a look, as printed after "!". */
  problems: string[];
};

export function describeMismatch(actual: string, expected: string): string {
  if (actual === expected) return "equal";
  let i = 0;
  while (i < actual.length && i < expected.length && actual[i] === expected[i]) i++;
  return `DIFFERS at char ${i} (length ${actual.length} vs ${expected.length}): got ${JSON.stringify(actual.slice(i, i + 30))}, want ${JSON.stringify(expected.slice(i, i + 30))}`;
}

export function latency(p: Percentiles, samples: number): Latency {
  return { p50: round(p.p50, 3), p95: round(p.p95, 3), p99: round(p.p99, 3), max: round(p.max, 3), samples };
}

function fmt(p: Percentiles): string {
  const f = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
  return `p50 ${f(p.p50)}  p95 ${f(p.p95)}  p99 ${f(p.p99)}  max ${f(p.max)} ms`;
}

export function formatTraceResult(r: TraceResult): string {
  const h = r.host;
  const lines = [
    `── trace ${r.trace}`,
    `  replay                    ${r.txns} txns / ${r.patches} patches in ${r.seconds_until_saved.toFixed(1)} s until all saved (last sent at ${r.seconds_until_sent.toFixed(1)} s)`,
    `  throughput                ${r.txns_per_s.toFixed(1)} txns/s, ${r.edits_per_s.toFixed(1)} edits/s, ${r.update_messages} update messages (${(r.update_messages / r.seconds_until_sent).toFixed(1)} msgs/s)`,
    `  ack latency               ${fmt(r.ack_ms)}  (send → server ack, ${r.ack_ms.samples} updates)`,
    `  relay latency             ${fmt(r.relay_ms)}  (send → other replicas, ${r.relay_ms.samples} samples)`,
    ...(r.concurrent ? [`  causal waits              ${r.causal_wait_s.toFixed(1)} s spent waiting for relays a txn's parents needed`] : []),
    `  server CPU                ${r.server.cpu_pct.toFixed(1)} % of one core over the replay, RSS ${r.server.rss_mb.toFixed(0)} MB`,
    `  generator CPU             ${r.generator.cpu_pct.toFixed(1)} % of one core`,
    `  event-loop delay          ${formatEventLoop(r.event_loop)}  (over the replay)`,
    `  host                      ${h.cores} cores; other processes used ${h.other_cpu_pct === null ? "?" : h.other_cpu_pct.toFixed(1)} % of one core (load avg ${h.loadavg_1m})${h.noisy ? ` — NOISY (> ${NOISY_OTHER_CPU_PCT} %): tails not comparable` : ""}`,
    ...r.replicas.map((x) => `  ${x.name.padEnd(30)}${x.result}`),
    `  all replicas = endContent: ${r.all_equal ? "yes" : "NO"}`,
    `  server responsive: ${r.event_loop.server_responsive === false ? `NO — FAILED: blocked > ${SERVER_LOOP_MAX_LIMIT_MS} ms` : "yes"}`,
    ...r.problems.map((p) => `  ! ${p}`),
  ];
  return lines.join("\n");
}
