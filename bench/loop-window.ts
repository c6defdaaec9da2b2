// Event-loop delay over a run's measured window, for the server (read over IPC, see
// server-process.ts) and for this generator process, side by side: a stall in the generator
// shows up as "latency" too, and must never again be blamed on the server.
import { startLoopDelayMeter, type LoopDelay, type LoopDelayMeter } from "../server/observability/loop-delay.ts";
import { round } from "./stats.ts";

/**
 * Both processes sample at the same interval so their p99s are comparable (a finer sampler
 * takes more samples outside long tasks and so reports a lower p99 for the same stalls);
 * 100 wake-ups/s cost the server nothing measurable.
 */
export const LOOP_RESOLUTION_MS = 10;
/** A server that stopped answering for this long failed the run, whatever the latency figures say. */
export const SERVER_LOOP_MAX_LIMIT_MS = 1_000;

export type LoopFigures = { p99_ms: number; max_ms: number };
export type EventLoopReport = {
  /** Null when the server cannot report it (the y-websocket baseline). With several nodes, the worst node. */
  server: LoopFigures | null;
  generator: LoopFigures;
  /** False when the server's max delay exceeded SERVER_LOOP_MAX_LIMIT_MS: the run failed. Null without server figures. */
  server_responsive: boolean | null;
};

export function startGeneratorLoopMeter(): LoopDelayMeter {
  return startLoopDelayMeter(LOOP_RESOLUTION_MS);
}

/** Several nodes: the worst one (a stall on any node is a stall for its rooms). */
export function worstLoop(all: LoopDelay[]): LoopDelay {
  return all.reduce((w, d) => ({ p50Ms: Math.max(w.p50Ms, d.p50Ms), p99Ms: Math.max(w.p99Ms, d.p99Ms), maxMs: Math.max(w.maxMs, d.maxMs), samples: w.samples + d.samples }));
}

const figures = (d: LoopDelay): LoopFigures => ({ p99_ms: round(d.p99Ms, 1), max_ms: round(d.maxMs, 1) });

export function eventLoopReport(server: LoopDelay | null | undefined, generator: LoopDelay): EventLoopReport {
  return { server: server ? figures(server) : null, generator: figures(generator), server_responsive: server ? server.maxMs <= SERVER_LOOP_MAX_LIMIT_MS : null };
}

/** The text line, e.g. "server p99 3.1  max 41.0 ms | generator p99 2.0  max 12.5 ms". */
export function formatEventLoop(r: EventLoopReport): string {
  const f = (x: LoopFigures) => `p99 ${x.p99_ms.toFixed(1)}  max ${x.max_ms.toFixed(1)} ms`;
  return `server ${r.server ? f(r.server) : "–"} | generator ${f(r.generator)}`;
}

/** The "!" line of a failed run, or null. */
export function serverStallProblem(r: EventLoopReport): string | null {
  if (r.server_responsive !== false || !r.server) return null;
  return `FAILED: the server's event loop was blocked ${r.server.max_ms.toFixed(0)} ms (> ${SERVER_LOOP_MAX_LIMIT_MS} ms; see its log for "event loop blocked" lines)`;
}
