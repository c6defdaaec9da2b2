// Percentiles, medians and rounding: the arithmetic every benchmark here reports with.

export type Percentiles = { p50: number; p95: number; p99: number; max: number };

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

export function median(values: number[]): number {
  const xs = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (xs.length === 0) return Number.NaN;
  const mid = Math.floor(xs.length / 2);
  if (xs.length % 2 === 1) return xs[mid]!;
  // The mean of the middle two, without binary-fraction noise in the report (2458.3999…).
  return Number(((xs[mid - 1]! + xs[mid]!) / 2).toPrecision(12));
}
