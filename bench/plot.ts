// npx tsx bench/plot.ts: p99 latency and server CPU per delivery versus clients (P1/P2/P3),
// Accord against every baseline the results have (y-websocket, Hocuspocus), from bench/results/*.json → bench/results/latency-cpu.png.
// The chart is an SVG page screenshotted by Playwright's Chromium (no plotting package).
import { writeFileSync } from "node:fs";
import { chromium } from "@playwright/test";
import { BASELINE_NAMES, type BaselineName, type BenchReport, type TargetResult } from "./result.ts";
import { readProfileResults } from "./results-file.ts";

const DIR = new URL("./results/", import.meta.url);
const OUT = new URL("latency-cpu.png", DIR);
const CURVE_PROFILES = ["P1", "P2", "P3"];

type Point = { x: number; y: number; runs: number[]; noisy: boolean; valid: boolean };
type Series = { name: string; colour: string; dash: string; points: Point[] };

function load(): BenchReport[] {
  return readProfileResults(DIR)
    .filter((r) => CURVE_PROFILES.includes(r.profile) && r.rooms === 1)
    .sort((a, b) => a.clients - b.clients);
}

const BASELINE_STYLE: Record<BaselineName, { name: string; colour: string; dash: string }> = {
  "y-websocket": { name: "y-websocket 1.5.4 (floor)", colour: "#c2410c", dash: "7 5" },
  hocuspocus: { name: "Hocuspocus 3.4.4, default debounce", colour: "#15803d", dash: "3 4" },
  "hocuspocus-per-update": { name: "Hocuspocus, save per update", colour: "#7c3aed", dash: "12 4 2 4" },
};

function series(results: BenchReport[], metric: (t: TargetResult) => number): Series[] {
  const ours: Point[] = results.map((r) => ({ x: r.clients, y: metric(r), runs: r.per_run.map((p) => metric(p.accord)), noisy: r.noisy, valid: r.valid }));
  const of = (r: BenchReport) => r.baselines ?? (r.baseline ? { "y-websocket": r.baseline } : {});
  const runOf = (p: BenchReport["per_run"][number], name: BaselineName) => p.baselines?.[name] ?? (name === "y-websocket" ? p.baseline : undefined);
  const bases = BASELINE_NAMES.filter((name) => results.some((r) => of(r)[name])).map((name): Series => ({
    ...BASELINE_STYLE[name],
    points: results.flatMap((r) => {
      const b = of(r)[name];
      return b ? [{ x: r.clients, y: metric(b), runs: r.per_run.flatMap((p) => { const t = runOf(p, name); return t ? [metric(t)] : []; }), noisy: b.noisy, valid: b.valid }] : [];
    }),
  }));
  return [{ name: "Accord (socket.io, one-frame parser)", colour: "#1d4ed8", dash: "", points: ours }, ...bases];
}

function niceMax(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function panel(title: string, unit: string, data: Series[], ox: number, oy: number): string {
  const w = 470, h = 330, left = 70, bottom = 50, top = 40;
  const xs = data.flatMap((s) => s.points.map((p) => p.x));
  const ys = data.flatMap((s) => s.points.flatMap((p) => [p.y, ...p.runs]));
  const xMax = Math.max(110, ...xs);
  const yMax = niceMax(Math.max(1, ...ys.filter(Number.isFinite)) * 1.1);
  const X = (x: number) => ox + left + (x / xMax) * (w - left - 20);
  const Y = (y: number) => oy + top + (1 - y / yMax) * (h - top - bottom);
  const out: string[] = [];
  out.push(`<text x="${ox + left}" y="${oy + 22}" class="title">${title}</text>`);
  for (let i = 0; i <= 5; i++) {
    const v = (yMax / 5) * i;
    out.push(`<line x1="${X(0)}" x2="${X(xMax)}" y1="${Y(v)}" y2="${Y(v)}" class="grid"/>`);
    out.push(`<text x="${X(0) - 8}" y="${Y(v) + 5}" class="tick" text-anchor="end">${+v.toFixed(1)}</text>`);
  }
  for (const x of [...new Set(xs)].sort((a, b) => a - b)) {
    out.push(`<line x1="${X(x)}" x2="${X(x)}" y1="${Y(0)}" y2="${Y(0) + 6}" class="axis"/>`);
    out.push(`<text x="${X(x)}" y="${Y(0) + 22}" class="tick" text-anchor="middle">${x}</text>`);
  }
  out.push(`<line x1="${X(0)}" x2="${X(xMax)}" y1="${Y(0)}" y2="${Y(0)}" class="axis"/><line x1="${X(0)}" x2="${X(0)}" y1="${Y(0)}" y2="${Y(yMax)}" class="axis"/>`);
  out.push(`<text x="${X(xMax / 2)}" y="${oy + h - 6}" class="label" text-anchor="middle">clients in the room (P1 · P2 · P3; 3 · 10 · 20 typing at 5 keys/s)</text>`);
  out.push(`<text transform="translate(${ox + 18} ${Y(yMax / 2)}) rotate(-90)" class="label" text-anchor="middle">${unit}</text>`);
  // Whichever series is higher at an x gets its label above the dot, the other below.
  const isHigher = (s: Series, p: Point) => data.every((o) => o === s || !o.points.some((q) => q.x === p.x && q.y > p.y));
  for (const s of data) {
    if (s.points.length === 0) continue;
    out.push(`<polyline points="${s.points.map((p) => `${X(p.x)},${Y(p.y)}`).join(" ")}" fill="none" stroke="${s.colour}" stroke-width="3" stroke-dasharray="${s.dash}"/>`);
    for (const p of s.points) {
      for (const r of p.runs) out.push(`<circle cx="${X(p.x)}" cy="${Y(r)}" r="3" fill="${s.colour}" opacity="0.35"/>`);
      out.push(`<circle cx="${X(p.x)}" cy="${Y(p.y)}" r="6" fill="${p.noisy ? "white" : s.colour}" stroke="${s.colour}" stroke-width="2.5"/>`);
      const label = `${p.y < 10 ? p.y.toFixed(1) : p.y.toFixed(0)}${p.valid ? "" : "*"}`;
      out.push(`<text x="${X(p.x) + 9}" y="${Y(p.y) + (isHigher(s, p) ? -9 : 20)}" class="value" fill="${s.colour}">${label}</text>`);
    }
  }
  return out.join("\n");
}

async function main(): Promise<void> {
  const results = load();
  if (results.length === 0) throw new Error(`no P1/P2/P3 results in ${DIR.pathname}`);
  const lat = series(results, (t) => t.latency_ms.p99);
  const cpu = series(results, (t) => t.server.cpu_us_per_delivery);
  const W = 1000, H = 440;
  // Two series per legend row.
  const legend = lat
    .map((s, i) => {
      const x = 80 + (i % 2) * 440;
      const y = H - 66 + Math.floor(i / 2) * 20 - (lat.length > 2 ? 10 : 0);
      return `<line x1="${x}" x2="${x + 40}" y1="${y}" y2="${y}" stroke="${s.colour}" stroke-width="3" stroke-dasharray="${s.dash}"/><circle cx="${x + 20}" cy="${y}" r="6" fill="${s.colour}"/><text x="${x + 50}" y="${y + 5}" class="label">${s.name}</text>`;
    })
    .join("\n");
  const runs = Math.max(...results.map((r) => r.runs));
  const invalid = results.filter((r) => !r.valid || Object.values(r.baselines ?? (r.baseline ? { "y-websocket": r.baseline } : {})).some((b) => b?.valid === false)).map((r) => r.profile);
  const m = results[0]?.machine;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">
<style>
 text { font-family: "DejaVu Sans", "Liberation Sans", Arial, sans-serif; fill: #111827; }
 .title { font-size: 17px; font-weight: bold; } .label { font-size: 13px; } .tick { font-size: 12px; fill: #374151; }
 .value { font-size: 12px; font-weight: bold; } .note { font-size: 11.5px; fill: #4b5563; }
 .grid { stroke: #e5e7eb; } .axis { stroke: #111827; stroke-width: 1.2; }
</style>
<rect width="100%" height="100%" fill="white"/>
${panel("p99 propagation latency (sender → each receiver)", "p99 latency (ms)", lat, 10, 0)}
${panel("Server CPU per delivery (edit × receiver)", "server CPU (µs per delivery)", cpu, 505, 0)}
${legend}
<text x="80" y="${H - 22}" class="note">Large dots: median of ${runs} run${runs === 1 ? "" : "s"}; small dots: individual runs; hollow: ≥ 1 run NOISY (other processes &gt; 25 % of a core). ${m ? `${m.cores} vCPU` : ""}, loopback.</text>
${invalid.length ? `<text x="80" y="${H - 6}" class="note">* ${invalid.join(", ")}: the load generator used more than 70 % of a core, so the run is marked invalid; its latency is an upper bound.</text>` : ""}
</svg>`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H }, deviceScaleFactor: 1.5 });
    await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
    writeFileSync(OUT, await page.screenshot({ clip: { x: 0, y: 0, width: W, height: H } }));
  } finally {
    await browser.close();
  }
  console.log(`wrote ${OUT.pathname}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
