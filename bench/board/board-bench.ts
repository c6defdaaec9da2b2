// `npm run bench -- board` (or `--board`): how fast a change of the workshop's live board reaches
// every open page, and what one board rebuild costs the server. A real server process on a fresh
// SQLite database (bench/server-process.ts), a workshop of N proposals, C sockets joined to its
// board as a browser tab joins (lib/realtime/use-workshop-live.ts: "workshop:join", then every
// "workshop:live"), then a sequence of changes made through the app's own use cases in the server
// process (bench/board/server-hooks.ts): the chair puts an item on the floor, locks it, opens a
// vote, each delegation casts a ballot, the chair cancels the vote; then the next item.
//
// Per change and client: the time from just before the change is asked for until that client
// first holds a board that shows it (a board is sent whole; the first one that satisfies the
// change's predicate counts). "Follow the chair" is the same figure for the "current" changes:
// the board part of following (the tab's own navigation to the item is the browser's and is
// not measured here). After the changes: the board is rebuilt R times on a client that logs its
// SQL statements: time and statements per rebuild.
import type { WorkshopAck, WorkshopLive } from "../../lib/protocol.ts";
import { openSocket, type Endpoint } from "../accord-client.ts";
import type { ProviderSocket } from "../../lib/realtime/proposal-provider.ts";
import { startServerProcess, type ServerHandle } from "../server-control.ts";
import { percentiles, round, type Percentiles } from "../stats.ts";
import type { BoardChange } from "./protocol.ts";
import { writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";

export type BoardOptions = { proposals: number[]; clients: number; changes: number; json: string | null; log: (line: string) => void };

const DELEGATIONS = 4;
/** Between two changes, after every client has the last one: longer than the 15 ms coalescing. */
const GAP_MS = 100;
const CHANGE_TIMEOUT_MS = 10_000;
const REBUILDS = 30;

type Step = { change: BoardChange | ((roundId: string) => BoardChange); sees: (b: WorkshopLive, roundId: string | null) => boolean };

/** One item's cycle: on the floor, locked, vote opened, one ballot per delegation, vote cancelled. */
function cycle(proposalId: string): Step[] {
  const round = (b: WorkshopLive, id: string | null) => b.rounds.find((r) => r.id === id);
  return [
    { change: { kind: "current", proposalId }, sees: (b) => b.currentProposalId === proposalId },
    { change: { kind: "lock", proposalId }, sees: (b) => b.proposals.find((p) => p.id === proposalId)?.state === "LOCKED" },
    { change: { kind: "open-vote", proposalId }, sees: (b, id) => round(b, id)?.status === "OPEN" },
    ...Array.from({ length: DELEGATIONS }, (_, d): Step => ({
      change: (roundId) => ({ kind: "ballot", roundId, delegate: d }),
      sees: (b, id) => (round(b, id)?.voted.length ?? 0) >= d + 1,
    })),
    { change: (roundId) => ({ kind: "cancel-vote", roundId }), sees: (b, id) => round(b, id)?.status === "CANCELLED" },
  ];
}

type Client = { socket: ProviderSocket; latest: WorkshopLive | null; onBoard: ((b: WorkshopLive, at: number) => void) | null };

/** A busy host can let a handshake time out: try a tab's connection three times before failing. */
async function joinBoard(endpoint: Endpoint, userId: string, workshopId: string): Promise<Client> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await joinOnce(endpoint, userId, workshopId);
    } catch (e) {
      if (attempt >= 3) throw e;
    }
  }
}

async function joinOnce(endpoint: Endpoint, userId: string, workshopId: string): Promise<Client> {
  const socket = await openSocket(endpoint, userId);
  const client: Client = { socket, latest: null, onBoard: null };
  socket.on("workshop:live", (live: WorkshopLive) => {
    const at = performance.now();
    if (live.workshopId !== workshopId) return;
    client.latest = live;
    client.onBoard?.(live, at);
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("workshop:join timed out")), 30_000);
    const join = () =>
      socket.emit("workshop:join", { workshopId }, (res: WorkshopAck) => {
        clearTimeout(timer);
        if (!res.ok) return reject(new Error(`workshop:join refused: ${res.error.code}`));
        client.latest = res.live;
        resolve();
      });
    if (socket.connected) join();
    else socket.once("connect", join);
    socket.once("connect_error", (e: Error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(e);
    });
  });
  return client;
}

export type BoardResult = {
  proposals: number;
  clients: number;
  changes: number;
  /** Change asked → each client holds a board showing it, all changes (samples = changes × clients). */
  board_latency_ms: Percentiles;
  /** The same for the "current item" changes only: the board part of "Follow the chair". */
  follow_chair_ms: Percentiles;
  /** Per change: until the last client had it. */
  slowest_client_per_change_ms: Percentiles;
  /** The use case itself (authorize, write, audit), inside the server process. */
  use_case_ms: Percentiles;
  /** getWorkshopLive alone, on the final board. */
  rebuild_ms: Percentiles;
  sql_statements_per_rebuild: number;
  missed: number;
  /** The host's 1-minute load average at the end (2 cores here is "busy" above ~2). */
  load_avg: number;
};

async function runOne(proposals: number, opts: BoardOptions): Promise<BoardResult> {
  const server: ServerHandle = await startServerProcess({ label: `board-${proposals}-${Date.now()}`, rooms: proposals, clientsPerRoom: opts.clients });
  const clients: Client[] = [];
  try {
    const { fixture } = server;
    const board = server.board!.bind(server);
    await board({ op: "setup" });
    const endpoint = { url: server.url, secret: server.secret };
    for (let i = 0; i < opts.clients; i += 16) {
      const batch = fixture.delegates.slice(i, Math.min(i + 16, opts.clients));
      clients.push(...(await Promise.all(batch.map((u) => joinBoard(endpoint, u, fixture.workshopId)))));
    }
    const steps: Step[] = [];
    for (let p = 0; steps.length < opts.changes; p++) steps.push(...cycle(fixture.proposalIds[p % fixture.proposalIds.length]!));
    steps.length = opts.changes;

    const all: number[] = [];
    const follow: number[] = [];
    const slowest: number[] = [];
    const useCase: number[] = [];
    let missed = 0;
    let roundId: string | null = null;
    for (const step of steps) {
      const change = typeof step.change === "function" ? step.change(roundId ?? "") : step.change;
      const seen = new Map<Client, number>();
      const t0 = performance.now();
      let done!: () => void;
      const allSeen = new Promise<void>((resolve) => (done = resolve));
      const check = (c: Client, b: WorkshopLive, at: number) => {
        if (seen.has(c) || !step.sees(b, roundId)) return;
        seen.set(c, at - t0);
        if (seen.size === clients.length) done();
      };
      for (const c of clients) c.onBoard = (b, at) => check(c, b, at);
      const reply = await board({ op: "change", change });
      if (reply.roundId) roundId = reply.roundId;
      useCase.push(reply.useCaseMs ?? Number.NaN);
      // A board that was already on its way may show it (never before the change was asked for).
      let timer: ReturnType<typeof setTimeout> | undefined;
      await Promise.race([allSeen, new Promise<void>((r) => (timer = setTimeout(r, CHANGE_TIMEOUT_MS)))]);
      clearTimeout(timer);
      for (const c of clients) c.onBoard = null;
      missed += clients.length - seen.size;
      const ms = [...seen.values()];
      all.push(...ms);
      if (change.kind === "current") follow.push(...ms);
      slowest.push(Math.max(...ms));
      await new Promise((r) => setTimeout(r, GAP_MS));
    }
    const rebuild = (await board({ op: "rebuild", times: REBUILDS })).rebuild!;
    await board({ op: "close" });
    const r2 = (p: Percentiles): Percentiles => ({ p50: round(p.p50, 1), p95: round(p.p95, 1), p99: round(p.p99, 1), max: round(p.max, 1) });
    return {
      proposals,
      clients: clients.length,
      changes: steps.length,
      board_latency_ms: r2(percentiles(all)),
      follow_chair_ms: r2(percentiles(follow)),
      slowest_client_per_change_ms: r2(percentiles(slowest)),
      use_case_ms: r2(percentiles(useCase)),
      rebuild_ms: r2(percentiles(rebuild.ms)),
      sql_statements_per_rebuild: Math.max(...rebuild.queries),
      missed,
      load_avg: round(loadavg()[0] ?? 0, 1),
    };
  } finally {
    for (const c of clients) c.socket.disconnect();
    await server.stop();
  }
}

const fmt = (p: Percentiles) => `p50 ${p.p50}  p95 ${p.p95}  max ${p.max} ms`;

export async function runBoardBench(opts: BoardOptions): Promise<number> {
  const results: BoardResult[] = [];
  for (const n of opts.proposals) {
    const r = await runOne(n, opts);
    results.push(r);
    opts.log(`── board: ${r.proposals} proposals, ${r.clients} pages joined, ${r.changes} changes (item on the floor, lock, vote open, ballots, cancel)`);
    opts.log(`  change → every page     ${fmt(r.board_latency_ms)}  (samples = changes × pages)`);
    opts.log(`  slowest page per change ${fmt(r.slowest_client_per_change_ms)}`);
    opts.log(`  follow the chair        ${fmt(r.follow_chair_ms)}  (board part: currentProposalId on every page; the navigation is the browser's)`);
    opts.log(`  use case                ${fmt(r.use_case_ms)}  (in the server process: authorize, write, audit)`);
    opts.log(`  board rebuild           ${fmt(r.rebuild_ms)}, ${r.sql_statements_per_rebuild} SQL statements (${REBUILDS} rebuilds of the final board)`);
    opts.log(`  host                    ${cpus().length} cores, load average ${r.load_avg}${r.load_avg > cpus().length ? " — BUSY: latencies include waiting for a core" : ""}`);
    if (r.missed > 0) opts.log(`  ! ${r.missed} (change, page) pairs never seen within ${CHANGE_TIMEOUT_MS / 1000} s`);
  }
  if (opts.json) writeFileSync(opts.json, JSON.stringify(results.length === 1 ? results[0] : results, null, 2));
  return results.some((r) => r.missed > 0) ? 1 : 0;
}
