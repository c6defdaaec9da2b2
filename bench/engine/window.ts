// The measured window, the same for every mode that drives a server (load runs and the trace
// replay): server CPU, RSS and event-loop delay (over IPC), the generator's own CPU and loop
// delay, how busy the rest of the machine was, and with BENCH_CPU_PROF=1 a V8 profile of the
// server over exactly this window.
import { join } from "node:path";
import { hostReport, sampleHost, type HostReport } from "../host.ts";
import { eventLoopReport, serverStallProblem, startGeneratorLoopMeter, type EventLoopReport } from "../loop-window.ts";
import { PROFILE_DIR } from "../server-control.ts";
import type { ServerDiagnostics, ServerUsage, Transport } from "../transport.ts";

export type Measured = Pick<Transport, "usage" | "diagnostics">;

export type WindowFigures = {
  start: ServerUsage;
  end: ServerUsage;
  serverCpuUs: number;
  /** % of one core; with several nodes, their sum. */
  serverCpuPct: number;
  generatorCpuPct: number;
  eventLoop: EventLoopReport;
  host: HostReport;
};

export type MeasuredWindow = {
  /** Takes the closing readings; nothing after this call is measured. */
  close(): Promise<WindowFigures>;
  /** Writes the CPU profile (BENCH_CPU_PROF=1) and returns its path; null when not profiling. */
  saveProfile(): Promise<string | null>;
};

export const safeLabel = (s: string) => s.replace(/\W/g, "_");

/** `label` names the CPU profile file: word characters only (see safeLabel). */
export async function openWindow(server: Measured, label: string): Promise<MeasuredWindow> {
  const loopMeter = startGeneratorLoopMeter();
  const diagnostics = server.diagnostics;
  const profilePath = process.env.BENCH_CPU_PROF === "1" && diagnostics ? join(PROFILE_DIR, `server-${label}-${Date.now()}.cpuprofile`) : null;
  // Started before the first reading: the profiler's start-up is not billed to the window.
  if (profilePath) await diagnostics!.profileStart();
  const [s0, g0, w0, h0] = [await server.usage({ startLoopWindow: true }), process.cpuUsage(), performance.now(), sampleHost()];
  return {
    async close() {
      const [s1, g1, w1, generatorLoop, h1] = [await server.usage(), process.cpuUsage(g0), performance.now(), loopMeter.read(), sampleHost()];
      loopMeter.stop();
      const serverCpuUs = s1.cpuUs - s0.cpuUs;
      const serverCpuPct = (100 * serverCpuUs) / ((s1.atMs - s0.atMs) * 1000);
      const generatorCpuPct = (100 * (g1.user + g1.system)) / ((w1 - w0) * 1000);
      return {
        start: s0,
        end: s1,
        serverCpuUs,
        serverCpuPct,
        generatorCpuPct,
        eventLoop: eventLoopReport(s1.loop, generatorLoop),
        host: hostReport(h0, h1, serverCpuPct + generatorCpuPct),
      };
    },
    async saveProfile() {
      if (!profilePath) return null;
      await diagnostics!.profileStop(profilePath);
      return profilePath;
    },
  };
}

/** The "!" lines only our own server can give: a failed (stalled) run, its watchdog's stall lines, its error lines. */
export function serverProblems(diagnostics: ServerDiagnostics | null, eventLoop: EventLoopReport): string[] {
  const problems: string[] = [];
  const stall = serverStallProblem(eventLoop);
  if (stall) problems.push(stall);
  if (!diagnostics) return problems;
  const stalls = diagnostics.stallSummary();
  if (stalls.total > 0) problems.push(`server logged ${stalls.total} "event loop blocked" lines (${diagnostics.logPath}), longest:`, ...stalls.longest.map((l) => `  ${l}`));
  const errors = diagnostics.errorSummary();
  if (errors.total > 0) problems.push(`server logged ${errors.total} error lines (${diagnostics.logPath}):`, ...errors.top.map((l) => `  ${l}`));
  return problems;
}
