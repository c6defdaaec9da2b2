// Typing at P2's load on one seeded proposal (exactly the P2 run, bench/engine/run-target.ts), and
// the figures of it the amendments and brackets benchmarks report beside their own.
import { runTarget } from "./engine/run-target.ts";
import type { EventLoopReport } from "./loop-window.ts";
import { findPreset, type Preset } from "./presets.ts";
import type { TargetResult } from "./result.ts";
import type { ServerHandle } from "./server-control.ts";
import type { Percentiles } from "./stats.ts";
import { accordTransport } from "./transport-accord.ts";

/** P2: one plenary room, 50 tabs, 10 typing. */
export const P2: Preset = findPreset("P2")!;

export type TypingRun = {
  latency_ms: Percentiles;
  latency_samples: number;
  keystrokes_per_s: number;
  deliveries_per_s: number;
  server_cpu_pct: number;
  cpu_us_per_delivery: number;
  persist_ms: { p50: number; p95: number } | null;
  generator_cpu_pct: number;
  event_loop: EventLoopReport | null;
  other_cpu_pct: number | null;
  noisy: boolean;
  valid: boolean;
  lost: number;
  converged: boolean;
  cpu_profile?: string;
  problems: string[];
};

/** P2's run with the server's seeded proposal as the room's (the fixture's own proposal is not typed on). */
export function runP2On(server: ServerHandle, proposalId: string, name: string, log: (l: string) => void): Promise<TargetResult> {
  const onProposal: ServerHandle = { ...server, fixture: { ...server.fixture, proposalIds: [proposalId] } };
  return runTarget(accordTransport(onProposal), { ...P2, name }, log);
}

export function typingRun(r: TargetResult): TypingRun {
  return {
    latency_ms: r.latency_ms,
    latency_samples: r.latency_samples,
    keystrokes_per_s: r.edits_per_s,
    deliveries_per_s: r.deliveries_per_s,
    server_cpu_pct: r.server.cpu_pct,
    cpu_us_per_delivery: r.server.cpu_us_per_delivery,
    persist_ms: r.persist_lag_ms,
    generator_cpu_pct: r.generator_cpu_pct,
    event_loop: r.event_loop,
    other_cpu_pct: r.host?.other_cpu_pct ?? null,
    noisy: r.noisy,
    valid: r.valid,
    lost: r.lost,
    converged: r.converged,
    ...(r.cpu_profile ? { cpu_profile: r.cpu_profile } : {}),
    problems: r.problems,
  };
}
