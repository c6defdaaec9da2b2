// The server under test, in its own process so that its CPU time is its own (the generator's
// work would otherwise be billed to it) and it is scheduled like a production server.
// Forked by bench/server-control.ts; speaks to the parent only over IPC.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join } from "node:path";
import { createDb, tuneSqlite, type Db } from "../lib/db.ts";
import { providerOf } from "../lib/db-url.ts";
import { PrismaClient as SqliteClient } from "../lib/generated/sqlite/client.ts";
import { resilientSqliteAdapter } from "../lib/sqlite-adapter.ts";
import { SQLITE_LOCK_WAIT_MS } from "../lib/sqlite-busy.ts";
import { startAccordServer } from "../server/app-server.ts";
import { applyMigrations } from "../server/migrate.ts";
import { startLoopDelayMeter } from "../server/observability/loop-delay.ts";
import { annotatedHooks } from "./amendments/server-hooks.ts";
import { boardHooks } from "./board/server-hooks.ts";
import { bracketsHooks } from "./brackets/server-hooks.ts";
import { createBenchFixture } from "./fixture.ts";
import { LOOP_RESOLUTION_MS } from "./loop-window.ts";
import type { ChildConfig, ChildMessage, MemoryReading, ParentMessage, Request, Usage } from "./server-control.ts";
import type { StatementCounter } from "./shared-hooks.ts";

/** createDb's SQLite client, logging each statement as a Prisma query event, which is counted. */
function countingDb(databaseUrl: string): StatementCounter & { db: Db } {
  if (providerOf(databaseUrl) !== "sqlite") throw new Error("countSql: SQLite only");
  const client = new SqliteClient({
    adapter: resilientSqliteAdapter(databaseUrl),
    transactionOptions: { maxWait: SQLITE_LOCK_WAIT_MS + 5000, timeout: 15_000 },
    log: [{ emit: "event", level: "query" }],
  });
  let n = 0;
  client.$on("query", () => n++);
  return { db: client, statements: () => n, reset: () => (n = 0) };
}

function send(msg: ChildMessage): void {
  process.send?.(msg);
}

const config = JSON.parse(process.env.BENCH_CONFIG ?? "null") as ChildConfig | null;
if (!config || !process.send) {
  console.error("bench/server-process.ts is started by bench/run.ts (needs BENCH_CONFIG and an IPC channel)");
  process.exit(2);
}

// Without the parent there is nobody to stop us: never outlive it.
process.on("disconnect", () => process.exit(1));

// A cluster's nodes share one PostgreSQL database: node 0 migrates it and creates the fixture.
const url = config.databaseUrl ?? `file:${join(config.dir, "bench.db")}`;
if (!config.fixture) await applyMigrations(url);
// countSql (the amendments benchmark): the same client, with Prisma's query events counted.
const sql = config.countSql ? countingDb(url) : null;
const db = sql?.db ?? createDb(url);
if (url.startsWith("file:")) await tuneSqlite(db);
const fixture = config.fixture ?? (await createBenchFixture(db, { rooms: config.rooms, clientsPerRoom: config.clientsPerRoom }));
// Room options stay the server's defaults unless a diagnosis asks otherwise
// (BENCH_COMPACT_AFTER, BENCH_COMMIT_INTERVAL_MS).
const commitInterval = process.env.BENCH_COMMIT_INTERVAL_MS;
const compactAfter = config.compactAfterRows ?? (process.env.BENCH_COMPACT_AFTER ? Number(process.env.BENCH_COMPACT_AFTER) : undefined);
const rooms = {
  ...(compactAfter === undefined ? {} : { compactAfterRows: compactAfter }),
  ...(commitInterval === undefined ? {} : { journalCommitIntervalMs: Number(commitInterval) }),
};
// The benchmark's nodes share their session secret, so a cluster secret derived from it is shared too.
const server = await startAccordServer({ db, secret: config.secret, port: 0, host: "127.0.0.1", rooms, redisUrl: config.redisUrl, clusterSecret: config.redisUrl ? `bench-cluster:${config.secret}` : undefined, databaseUrl: url });

// The board benchmark's changes and rebuilds (bench/board/): the app's use cases, in this process.
const board = boardHooks(db, server, fixture, url);
// The amendments benchmark's seeding, handler times and SQL counts (bench/amendments/).
const annotated = annotatedHooks(db, server, fixture, sql);
// The brackets benchmark's seeding, handler times and SQL counts (bench/brackets/).
const brackets = bracketsHooks(db, server, fixture, sql);

// The measured window's event-loop delay, sampled as the generator samples its own (the
// server's watchdog samples more coarsely, for production; its "blocked" lines go to the log).
const loopDelay = startLoopDelayMeter(LOOP_RESOLUTION_MS);

function usage(startLoopWindow: boolean): Usage {
  const cpu = process.cpuUsage();
  const loop = loopDelay.read();
  if (startLoopWindow) loopDelay.reset();
  // hrtime is CLOCK_MONOTONIC: comparable between the two processes' readings.
  return { cpuUs: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss, atMs: Number(process.hrtime.bigint()) / 1e6, loop };
}

function memory(): MemoryReading {
  // Started with --expose-gc for room-load runs: read what is live, not what awaits collection.
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { heapUsedBytes: m.heapUsed, externalBytes: m.external, rssBytes: m.rss, heapTotalBytes: m.heapTotal };
}

// The profiler runs only over the measured window (unlike --cpu-prof, which would also
// record migrations, module loading and 400 handshakes).
let profiler: Session | null = null;

async function handle(req: Request): Promise<Omit<Extract<ChildMessage, { type: "reply" }>, "type" | "id">> {
  switch (req.type) {
    case "usage":
      return { usage: usage(req.startLoopWindow === true) };
    case "profile-start":
      profiler = new Session();
      profiler.connect();
      await profiler.post("Profiler.enable");
      await profiler.post("Profiler.start");
      return {};
    case "memory":
      return { memory: memory() };
    case "load-rooms": {
      const before = memory();
      const loadMs: number[] = [];
      for (const id of req.proposalIds) {
        const t = performance.now();
        await server.rooms.get(id);
        loadMs.push(performance.now() - t);
      }
      return { roomLoad: { loadMs, before, after: memory() } };
    }
    case "journal-counts": {
      const [checkpoints, rows, merged] = await Promise.all([db.documentCheckpoint.count(), db.documentUpdate.count(), db.documentCheckpoint.aggregate({ _sum: { mergedRows: true } })]);
      return { journal: { checkpoints, journal_rows: rows, rows_merged_into_checkpoints: merged._sum.mergedRows ?? 0 } };
    }
    case "board":
      return { board: await board(req.board) };
    case "annotated":
      return { annotated: await annotated(req.annotated) };
    case "brackets":
      return { brackets: await brackets(req.brackets) };
    case "profile-stop": {
      if (!profiler) return { error: "the profiler was not started" };
      const { profile } = await profiler.post("Profiler.stop");
      profiler.disconnect();
      profiler = null;
      writeFileSync(req.path, JSON.stringify(profile));
      return {};
    }
  }
}

process.on("message", (raw) => {
  const msg = raw as ParentMessage;
  if (msg.type === "stop") {
    void server
      .close()
      .then(() => db.$disconnect())
      .finally(() => process.exit(0));
    return;
  }
  void handle(msg).then(
    (body) => send({ type: "reply", id: msg.id, ...body }),
    (e: unknown) => send({ type: "reply", id: msg.id, error: String(e) }),
  );
});

send({ type: "ready", port: server.port, fixture });
