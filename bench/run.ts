// npm run bench: start the server in its own process, connect the headless clients, type for
// warm-up + measured seconds, check convergence, print the figures. See bench/README.md.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { USAGE, parseCli, type Profile } from "./cli.ts";
import { checkConvergence } from "./convergence.ts";
import { Tracker, closeClients, connectClients, type BenchClient } from "./load-generator.ts";
import { accordReplica } from "./accord-replica.ts";
import { ReplicaTypist } from "./typing.ts";
import { hostReport, sampleHost } from "./host.ts";
import { eventLoopReport, serverStallProblem, startGeneratorLoopMeter } from "./loop-window.ts";
import { PROFILE_DIR, startServerProcess, type ServerHandle } from "./server-control.ts";
import { startCluster } from "./cluster/cluster.ts";
import { runTrace } from "./trace/replay.ts";
import { runProfileCli } from "./profile-main.ts";
import { runHistoryBench } from "./history.ts";
import { runRoomLoadBench } from "./room-load.ts";
import { isProfileInvocation } from "./profiles.ts";
import { GENERATOR_CPU_LIMIT_PCT, describeProfile, formatResult, formatTable, percentiles, round, type RunResult } from "./stats.ts";

const PING_ROUNDS = 50;

function sleepUntil(t: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, t - performance.now())));
}

/** Round trip of an acknowledged event through the server's handler wrapper, idle system. */
async function measurePing(client: BenchClient, proposalId: string): Promise<number> {
  const replica = accordReplica(client.room, client.socket, client.provider, proposalId);
  const samples: number[] = [];
  for (let i = 0; i < PING_ROUNDS; i++) samples.push(await replica.ping());
  return percentiles(samples).p50;
}

// Ctrl-C must not leave a server process or a temp database behind.
let activeServer: ServerHandle | null = null;
let activeClients: BenchClient[] = [];
process.once("SIGINT", () => {
  closeClients(activeClients);
  void (activeServer?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
});

async function runProfile(p: Profile): Promise<RunResult> {
  console.log(`\n${p.name}: ${describeProfile(p)}${p.nodes === undefined ? "" : `, ${p.nodes} node${p.nodes === 1 ? "" : "s"} on PostgreSQL + Redis`}`);
  const compactAfter = process.env.BENCH_COMPACT_AFTER;
  const serverOpts = {
    label: p.name.replace(/\W/g, "_"),
    rooms: p.rooms,
    clientsPerRoom: p.clients,
    compactAfterRows: compactAfter ? Number(compactAfter) : undefined,
  };
  // --nodes: several processes on PostgreSQL + Redis; server CPU/RSS are then sums over nodes.
  const cluster = p.nodes === undefined ? null : await startCluster({ ...serverOpts, nodes: p.nodes });
  const server = cluster ?? (await startServerProcess(serverOpts));
  activeServer = server;
  const endpoint = cluster ? cluster.endpoint : { url: server.url, secret: server.secret };
  const { proposalIds, delegates, observer } = server.fixture;
  const tracker = new Tracker();
  let clients: BenchClient[] = [];
  try {
    const connectStart = performance.now();
    clients = await connectClients({ endpoint, proposalIds, users: delegates, clientsPerRoom: p.clients, tracker });
    activeClients = clients;
    console.log(`  ${clients.length} clients connected and synced in ${((performance.now() - connectStart) / 1000).toFixed(1)} s`);
    const ping = await measurePing(clients[0]!, proposalIds[clients[0]!.room]!);

    // In each room, the first `typists` clients to finish connecting type; the rest only receive.
    const typists: ReplicaTypist[] = [];
    const perRoom = new Map<number, number>();
    for (const c of clients) {
      const n = perRoom.get(c.room) ?? 0;
      perRoom.set(c.room, n + 1);
      if (n < p.typists) typists.push(new ReplicaTypist(accordReplica(c.room, c.socket, c.provider, proposalIds[c.room]!), tracker, p.rate));
    }

    const t0 = performance.now();
    tracker.windowStart = t0 + p.warmup * 1000;
    tracker.windowEnd = tracker.windowStart + p.seconds * 1000;
    for (const t of typists) t.start();
    console.log(`  typing: ${p.warmup} s warm-up, then ${p.seconds} s measured…`);

    await sleepUntil(tracker.windowStart);
    const loopDelay = startGeneratorLoopMeter();
    const profilePath = process.env.BENCH_CPU_PROF === "1" ? join(PROFILE_DIR, `server-${p.name.replace(/\W/g, "_")}-${Date.now()}.cpuprofile`) : null;
    if (profilePath) await server.profileStart();
    const [s0, g0, w0, h0] = [await server.usage({ startLoopWindow: true }), process.cpuUsage(), performance.now(), sampleHost()];
    await sleepUntil(tracker.windowEnd);
    const [s1, g1, w1, generatorLoop] = [await server.usage(), process.cpuUsage(g0), performance.now(), loopDelay.read()];
    const hostAtEnd = sampleHost();
    for (const t of typists) t.stop();
    if (profilePath) {
      await server.profileStop(profilePath);
      console.log(`  server CPU profile of the measured window (profiling inflates CPU figures): ${profilePath}`);
    }
    loopDelay.stop();

    const conv = await checkConvergence({ clients, endpoint, proposalIds, observer });
    const lost = tracker.lost(p.clients - 1);
    const serverCpuUs = s1.cpuUs - s0.cpuUs;
    const serverWallUs = (s1.atMs - s0.atMs) * 1000;
    const generatorCpuPct = (100 * (g1.user + g1.system)) / ((w1 - w0) * 1000);
    const serverCpuPct = (100 * serverCpuUs) / serverWallUs;
    const host = hostReport(h0, hostAtEnd, serverCpuPct + generatorCpuPct);
    const latency = percentiles(tracker.latencies);
    const persist = percentiles(tracker.persistLags);
    const problems = [...conv.problems];
    const serverErrors = server.errorSummary();
    if (serverErrors.total > 0) problems.push(`server logged ${serverErrors.total} error lines (${server.logPath}):`, ...serverErrors.top.map((l) => `  ${l}`));
    const isValid = generatorCpuPct <= GENERATOR_CPU_LIMIT_PCT;
    if (!isValid) problems.push(`generator used ${generatorCpuPct.toFixed(0)} % of a core (> ${GENERATOR_CPU_LIMIT_PCT} %)`);
    const eventLoop = eventLoopReport(s1.loop, generatorLoop);
    const stall = serverStallProblem(eventLoop);
    if (stall) problems.push(stall);
    const stalls = server.stallSummary();
    if (stalls.total > 0) problems.push(`server logged ${stalls.total} "event loop blocked" lines (${server.logPath}), longest:`, ...stalls.longest.map((l) => `  ${l}`));
    return {
      scenario: p.name,
      rooms: p.rooms,
      clients: p.clients,
      typists: p.typists,
      rate: p.rate,
      seconds: p.seconds,
      warmup: p.warmup,
      latency_ms: { p50: round(latency.p50, 3), p95: round(latency.p95, 3), p99: round(latency.p99, 3), max: round(latency.max, 3) },
      latency_samples: tracker.latencies.length,
      edits_per_s: round(tracker.editsInWindow / p.seconds, 1),
      deliveries_per_s: round(tracker.deliveriesInWindow / p.seconds, 1),
      lost: lost.edits,
      lost_deliveries: lost.deliveries,
      edits_total: tracker.edits.size,
      converged: conv.converged,
      valid: isValid,
      server: {
        cpu_pct: round(serverCpuPct, 1),
        cpu_us_per_delivery: round(serverCpuUs / Math.max(1, tracker.deliveriesInWindow), 1),
        rss_mb: round(s1.rssBytes / 2 ** 20, 1),
      },
      persist_lag_ms: { p50: round(persist.p50, 3), p95: round(persist.p95, 3) },
      server_error_lines: serverErrors.total,
      generator_cpu_pct: round(generatorCpuPct, 1),
      event_loop: eventLoop,
      ping_ms: round(ping, 3),
      host,
      problems,
    };
  } finally {
    closeClients(clients);
    activeClients = [];
    await server.stop();
    activeServer = null;
  }
}

async function main(): Promise<number> {
  // --profile P1…P6 [--baseline y-websocket] [--runs N]: the issue's profiles (bench/profile-main.ts).
  if (isProfileInvocation(process.argv.slice(2))) return runProfileCli(process.argv.slice(2));
  // --history [--versions N]: a long version history and the times to read it (bench/history.ts).
  const argv = process.argv.slice(2);
  if (argv.includes("--history")) {
    const i = argv.indexOf("--versions");
    const versions = i >= 0 ? Number(argv[i + 1]) : 10_000;
    if (!Number.isInteger(versions) || versions < 2) {
      console.error("--versions needs a whole number ≥ 2");
      return 2;
    }
    await runHistoryBench({ versions, log: (line) => console.log(line) });
    return 0;
  }
  // --room-load TRACE [--rooms N] [--json FILE]: a long proposal opened after a restart (bench/room-load.ts).
  if (argv.includes("--room-load")) {
    const value = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
    const trace = value("--room-load");
    const rooms = Number(value("--rooms") ?? 10);
    if (!trace || trace.startsWith("--") || !Number.isInteger(rooms) || rooms < 2) {
      console.error("usage: --room-load path/to/automerge-paper.json.gz [--rooms N ≥ 2] [--json FILE]");
      return 2;
    }
    return runRoomLoadBench({ trace, rooms, json: value("--json") ?? null, log: (line) => console.log(line) });
  }
  let cli: ReturnType<typeof parseCli>;
  try {
    cli = parseCli(process.argv.slice(2));
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if ("help" in cli) {
    console.log(USAGE);
    return 0;
  }
  if (cli.trace) return runTrace({ ...cli.trace, json: cli.json });
  const results: RunResult[] = [];
  for (const profile of cli.profiles) {
    const result = await runProfile(profile);
    results.push(result);
    console.log(formatResult(result));
  }
  if (results.length > 1) console.log(`\n${formatTable(results)}`);
  if (cli.json) {
    writeFileSync(cli.json, `${JSON.stringify(results.length === 1 ? results[0] : results, null, 2)}\n`);
    console.log(`\nwrote ${cli.json}`);
  }
  return results.every((r) => r.converged && r.lost === 0 && r.event_loop.server_responsive !== false) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
