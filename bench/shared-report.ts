// Folding runs and formatting figures, as the amendments and brackets benchmarks report them.
import { median, round, type Percentiles } from "./stats.ts";

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Percentiles to 0.1 ms, as the phases' figures are kept. */
export const r1 = (p: Percentiles): Percentiles => ({ p50: round(p.p50, 1), p95: round(p.p95, 1), p99: round(p.p99, 1), max: round(p.max, 1) });

/** The median over runs of every number in the same place; strings, booleans and lists from the first run, except that `converged`/`valid` must hold in every run, `noisy` in any, and the counts of what went wrong (`lost`, `missed`, `refused`) are the worst run's. */
export function medianRuns<T>(values: T[]): T {
  const first = values[0];
  if (typeof first === "number") return median(values as number[]) as T;
  if (first === null || typeof first !== "object" || Array.isArray(first)) return first as T;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(first)) {
    const vs = values.map((v) => (v as Record<string, unknown>)[k]);
    if (k === "converged" || k === "valid") out[k] = vs.every(Boolean);
    else if (k === "noisy") out[k] = vs.some(Boolean);
    else if (k === "lost" || k === "missed" || k === "refused") out[k] = Math.max(...(vs as number[]));
    else if (k === "problems") out[k] = [...new Set(vs.flat() as string[])];
    else if (vs.every((v) => v === null || typeof v === "number")) out[k] = vs.some((v) => v === null) ? null : median(vs as number[]);
    else out[k] = medianRuns(vs);
  }
  return out as T;
}

export const ratio = (a: number, b: number) => round(a / b, 2);
export const f1 = (n: number | null | undefined) => (n === null || n === undefined || !Number.isFinite(n) ? "–" : n.toFixed(1));
export const pad = (s: string, n: number) => s.padEnd(n);
export const met = (ok: boolean) => (ok ? "met" : "NOT met");
