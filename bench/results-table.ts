// npx tsx bench/results-table.ts: the Markdown figures table of BENCHMARKS.md, from bench/results/*.json.
import { readFileSync, readdirSync } from "node:fs";

const DIR = new URL("./results/", import.meta.url);
type T = {
  latency_ms: { p50: number; p95: number; p99: number; max: number };
  edits_per_s: number;
  deliveries_per_s: number;
  lost: number;
  converged: boolean;
  valid: boolean;
  noisy: boolean;
  server: { cpu_us_per_delivery: number; cpu_pct: number; rss_mb: number };
  persist_lag_ms: { p95: number } | null;
  generator_cpu_pct: number;
};
type Ratio = Record<string, number>;
type R = T & {
  profile: string;
  rooms: number;
  clients: number;
  typists: number;
  seconds: number;
  runs: number;
  baseline?: T;
  ratio?: Ratio;
  noisy_runs?: string[];
  per_run?: Array<{ ratio?: Ratio }>;
};

const f = (n: number | undefined, d = 1) => (n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(d));
const results = readdirSync(DIR)
  // P1.json … P6.json: one file per profile as the issue defines it (variants such as P2-steady.json are not in the table).
  .filter((x) => /^P\d\.json$/.test(x))
  .map((x) => JSON.parse(readFileSync(new URL(x, DIR), "utf8")) as R)
  .sort((a, b) => a.profile.localeCompare(b.profile));
console.log("| profile | server | runs | p50 ms | p95 ms | p99 ms | max ms | edits/s | deliveries/s | lost | converged | valid | NOISY runs | CPU % | µs/delivery | RSS MB | persist p95 ms |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const row = (name: string, t: T, noisy: string) =>
    `| ${r.profile} (${r.rooms}×${r.clients}×${r.typists}, ${r.seconds} s) | ${name} | ${r.runs} | ${f(t.latency_ms.p50, 2)} | ${f(t.latency_ms.p95, 2)} | ${f(t.latency_ms.p99, 2)} | ${f(t.latency_ms.max)} | ${f(t.edits_per_s)} | ${f(t.deliveries_per_s, 0)} | ${t.lost} | ${t.converged ? "yes" : "**no**"} | ${t.valid ? "yes" : "**no**"} | ${noisy} | ${f(t.server.cpu_pct)} | ${f(t.server.cpu_us_per_delivery)} | ${f(t.server.rss_mb, 0)} | ${t.persist_lag_ms ? f(t.persist_lag_ms.p95) : "n/a"} |`;
  const noisyOf = (who: string) => {
    const n = (r.noisy_runs ?? []).filter((x) => x.endsWith(who)).length;
    return `${n}/${r.runs}`;
  };
  console.log(row("Accord", r, noisyOf("accord")));
  if (r.baseline) console.log(row("y-websocket", r.baseline, noisyOf("y-websocket")));
  // The median ratio, and each run's own (back-to-back pairs): how far one run can be trusted.
  const spread = (key: string) => {
    const each = (r.per_run ?? []).map((x) => x.ratio?.[key]).filter((x): x is number => x !== undefined);
    return each.length > 1 ? ` (runs ${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})` : "";
  };
  if (r.ratio)
    console.log(
      `| ${r.profile} | **ratio** Accord ÷ y-ws | | | ${f(r.ratio.p95, 2)}×${spread("p95")} | | | | | | | | | | ${f(r.ratio.cpu_us_per_delivery, 2)}×${spread("cpu_us_per_delivery")} | ${f(r.ratio.rss_mb, 2)}× | |`,
    );
}
