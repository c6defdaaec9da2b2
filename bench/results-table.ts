// npx tsx bench/results-table.ts [DIR]: the Markdown figures table of BENCHMARKS.md, from
// bench/results/P1.json … P6.json (or another directory's, e.g. a fresh round before committing it).
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readProfileResults } from "./results-file.ts";
import type { Ratio, TargetResult } from "./result.ts";

const f = (n: number | undefined, d = 1) => (n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(d));
const dir = process.argv[2] ? pathToFileURL(`${resolve(process.argv[2])}/`) : new URL("./results/", import.meta.url);
const results = readProfileResults(dir);
console.log("| profile | server | runs | p50 ms | p95 ms | p99 ms | max ms | edits/s | deliveries/s | lost | converged | valid | NOISY runs | CPU % | µs/delivery | RSS MB | persist p95 ms |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  const row = (name: string, t: TargetResult, noisy: string) =>
    `| ${r.profile} (${r.rooms}×${r.clients}×${r.typists}, ${r.seconds} s) | ${name} | ${r.runs} | ${f(t.latency_ms.p50, 2)} | ${f(t.latency_ms.p95, 2)} | ${f(t.latency_ms.p99, 2)} | ${f(t.latency_ms.max)} | ${f(t.edits_per_s)} | ${f(t.deliveries_per_s, 0)} | ${t.lost} | ${t.converged ? "yes" : "**no**"} | ${t.valid ? "yes" : "**no**"} | ${noisy} | ${f(t.server.cpu_pct)} | ${f(t.server.cpu_us_per_delivery)} | ${f(t.server.rss_mb, 0)} | ${t.persist_lag_ms ? f(t.persist_lag_ms.p95) : "n/a"} |`;
  const noisyOf = (who: string) => {
    const n = r.noisy_runs.filter((x) => x.endsWith(who)).length;
    return `${n}/${r.runs}`;
  };
  console.log(row("Accord", r, noisyOf("accord")));
  if (r.baseline) console.log(row("y-websocket", r.baseline, noisyOf("y-websocket")));
  // The median ratio, and each run's own (back-to-back pairs): how far one run can be trusted.
  const spread = (key: keyof Ratio) => {
    const each = r.per_run.map((x) => x.ratio?.[key]).filter((x): x is number => x !== undefined);
    return each.length > 1 ? ` (runs ${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})` : "";
  };
  if (r.ratio)
    console.log(
      `| ${r.profile} | **ratio** Accord ÷ y-ws | | | ${f(r.ratio.p95, 2)}×${spread("p95")} | | | | | | | | | | ${f(r.ratio.cpu_us_per_delivery, 2)}×${spread("cpu_us_per_delivery")} | ${f(r.ratio.rss_mb, 2)}× | |`,
    );
}
