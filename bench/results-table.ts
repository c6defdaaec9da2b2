// npx tsx bench/results-table.ts [DIR]: the Markdown figures table of BENCHMARKS.md, from
// bench/results/P1.json … P6.json (or another directory's, e.g. a fresh round before committing it).
// One row per server (Accord, then every baseline the file has: y-websocket, Hocuspocus with its
// default save debounce, Hocuspocus saving per update) and a ratio row per baseline.
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { readProfileResults } from "./results-file.ts";
import { BASELINE_NAMES, type BaselineName, type Ratio, type TargetResult } from "./result.ts";

const LABEL: Record<BaselineName, { row: string; short: string }> = {
  "y-websocket": { row: "y-websocket", short: "y-ws" },
  hocuspocus: { row: "Hocuspocus (default debounce)", short: "Hocuspocus" },
  "hocuspocus-per-update": { row: "Hocuspocus (save per update)", short: "Hocuspocus per update" },
};

const f = (n: number | undefined, d = 1) => (n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(d));
const dir = process.argv[2] ? pathToFileURL(`${resolve(process.argv[2])}/`) : new URL("./results/", import.meta.url);
const results = readProfileResults(dir);
console.log("| profile | server | runs | p50 ms | p95 ms | p99 ms | max ms | edits/s | deliveries/s | lost | converged | valid | NOISY runs | CPU % | µs/delivery | RSS MB | persist p95 ms |");
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of results) {
  // persist: Accord's is edit → "saved" at the sender; Hocuspocus's is time to disk (marked "disk").
  const persist = (t: TargetResult) => (t.persist_lag_ms ? `${f(t.persist_lag_ms.p95)}${t.persist_measure === "row-committed" ? " (disk)" : ""}` : "n/a");
  const row = (name: string, t: TargetResult, noisy: string) =>
    `| ${r.profile} (${r.rooms}×${r.clients}×${r.typists}, ${r.seconds} s) | ${name} | ${r.runs} | ${f(t.latency_ms.p50, 2)} | ${f(t.latency_ms.p95, 2)} | ${f(t.latency_ms.p99, 2)} | ${f(t.latency_ms.max)} | ${f(t.edits_per_s)} | ${f(t.deliveries_per_s, 0)} | ${t.lost} | ${t.converged ? "yes" : "**no**"} | ${t.valid ? "yes" : "**no**"} | ${noisy} | ${f(t.server.cpu_pct)} | ${f(t.server.cpu_us_per_delivery)} | ${f(t.server.rss_mb, 0)} | ${persist(t)} |`;
  const noisyOf = (who: string) => `${r.noisy_runs.filter((x) => x.endsWith(`:${who}`)).length}/${r.runs}`;
  console.log(row("Accord", r, noisyOf("accord")));
  const baselines = r.baselines ?? (r.baseline ? { "y-websocket": r.baseline } : {});
  const ratios = r.ratios ?? (r.ratio ? { "y-websocket": r.ratio } : {});
  const names = BASELINE_NAMES.filter((n) => baselines[n]);
  for (const name of names) console.log(row(LABEL[name].row, baselines[name]!, noisyOf(name)));
  // The median ratio, and each run's own (back-to-back runs): how far one run can be trusted.
  for (const name of names) {
    const ratio = ratios[name];
    if (!ratio) continue;
    const spread = (key: keyof Ratio) => {
      const each = r.per_run.map((x) => (x.ratios?.[name] ?? (name === "y-websocket" ? x.ratio : undefined))?.[key]).filter((x): x is number => x !== undefined);
      return each.length > 1 ? ` (runs ${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)})` : "";
    };
    const p99 = ratio.p99 === undefined ? "" : `${f(ratio.p99, 2)}×${spread("p99")}`;
    console.log(
      `| ${r.profile} | **ratio** Accord ÷ ${LABEL[name].short} | | | ${f(ratio.p95, 2)}×${spread("p95")} | ${p99} | | | | | | | | | ${f(ratio.cpu_us_per_delivery, 2)}×${spread("cpu_us_per_delivery")} | ${f(ratio.rss_mb, 2)}× | |`,
    );
  }
}
