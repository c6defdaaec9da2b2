// How busy the machine was with work that is not ours. Latency tails on a shared 2-core box
// move by orders of magnitude when a build or a browser runs beside the benchmark; the
// figures must say so rather than blame the server.
import { readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";

/** Above this share of one core spent by other processes, tail latencies are not comparable. */
export const NOISY_OTHER_CPU_PCT = 25;

type Jiffies = { busy: number; total: number };

function readProcStat(): Jiffies | null {
  try {
    const line = readFileSync("/proc/stat", "utf8").split("\n", 1)[0] ?? "";
    const f = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal: idle and iowait are not busy.
    const total = f.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (f[3] ?? 0) + (f[4] ?? 0);
    return { busy: total - idle, total };
  } catch {
    return null; // not Linux: the figure is simply not reported
  }
}

export type HostSample = { jiffies: Jiffies | null };
export type HostReport = { cores: number; busy_cpu_pct: number | null; other_cpu_pct: number | null; loadavg_1m: number; noisy: boolean };

export function sampleHost(): HostSample {
  return { jiffies: readProcStat() };
}

/** `ownCpuPct` = server + generator, in % of one core over the same window. */
export function hostReport(start: HostSample, stop: HostSample, ownCpuPct: number): HostReport {
  const cores = availableParallelism();
  const end = stop.jiffies;
  let busy: number | null = null;
  if (start.jiffies && end && end.total > start.jiffies.total) {
    busy = (100 * cores * (end.busy - start.jiffies.busy)) / (end.total - start.jiffies.total);
  }
  const other = busy === null ? null : Math.max(0, busy - ownCpuPct);
  return {
    cores,
    busy_cpu_pct: busy === null ? null : Math.round(busy * 10) / 10,
    other_cpu_pct: other === null ? null : Math.round(other * 10) / 10,
    loadavg_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    noisy: other !== null && other > NOISY_OTHER_CPU_PCT,
  };
}
