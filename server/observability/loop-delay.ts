// Event-loop delay from Node's own sampler (perf_hooks.monitorEventLoopDelay: a libuv timer
// that records how long each of its intervals really took), in milliseconds of delay beyond
// the interval. Used by the server's watchdog and by the load generator's reports.
import { monitorEventLoopDelay, type IntervalHistogram } from "node:perf_hooks";

export type LoopDelay = { p50Ms: number; p99Ms: number; maxMs: number; samples: number };

export type LoopDelayMeter = {
  read(): LoopDelay;
  /** Starts a new window: later reads cover only what follows. */
  reset(): void;
  stop(): void;
};

const NS_PER_MS = 1e6;

export function startLoopDelayMeter(resolutionMs: number): LoopDelayMeter {
  const histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: resolutionMs });
  histogram.enable();
  // Each sample is a whole timer interval (resolution + delay): subtract the resolution.
  const delay = (ns: number) => Math.max(0, ns / NS_PER_MS - resolutionMs);
  return {
    read() {
      // An empty histogram reports min/max as ±2^63: no samples, no delay.
      if (histogram.count === 0) return { p50Ms: 0, p99Ms: 0, maxMs: 0, samples: 0 };
      return { p50Ms: delay(histogram.percentile(50)), p99Ms: delay(histogram.percentile(99)), maxMs: delay(histogram.max), samples: histogram.count };
    },
    reset: () => histogram.reset(),
    stop: () => histogram.disable(),
  };
}
