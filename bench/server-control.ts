// Parent side of the server process: fork it, wait for its port and fixture, ask it for its
// CPU time, memory and event-loop delay, stop it, and remove its temporary database.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LoopDelay } from "../server/observability/loop-delay.ts";
import type { AnnotatedOp, AnnotatedReply } from "./amendments/protocol.ts";
import type { BoardOp, BoardReply } from "./board/protocol.ts";
import type { BracketsOp, BracketsReply } from "./brackets/protocol.ts";
import type { BenchFixture } from "./fixture.ts";
import type { JournalCounts } from "./transport.ts";

export type ChildConfig = {
  dir: string;
  secret: string;
  rooms: number;
  clientsPerRoom: number;
  compactAfterRows?: number | undefined;
  /** Several nodes (bench/cluster/): a shared PostgreSQL database instead of a temp SQLite file… */
  databaseUrl?: string | undefined;
  /** …Redis for the socket.io adapter… */
  redisUrl?: string | undefined;
  /** …and the fixture node 0 created (set for the other nodes: no migrations, no new fixture). */
  fixture?: BenchFixture | undefined;
  /** Counts the SQL statements of the server's Prisma client (SQLite; bench/amendments/, bench/brackets/). Costs a little CPU. */
  countSql?: boolean | undefined;
};
export type Usage = {
  cpuUs: number;
  rssBytes: number;
  atMs: number;
  /** The server's event-loop delay since the last reading that started a loop window (or since start-up). */
  loop: LoopDelay;
};
export type UsageOptions = { startLoopWindow?: boolean };
/** Requests carry an id; the child answers each with a reply of the same id. */
export type Request =
  /** startLoopWindow: after reading, start a new event-loop window (the measured window's first reading). */
  | ({ type: "usage" } & UsageOptions)
  | { type: "profile-start" }
  | { type: "profile-stop"; path: string }
  /** Loads each room in turn (as a first join would) and reports the times and the memory it took. */
  | { type: "load-rooms"; proposalIds: string[] }
  /** Heap, external buffers and RSS, after a full GC when started with exposeGc (the idle benchmark). */
  | { type: "memory" }
  /** Counts the journal's tables through the server's own database connection. */
  | { type: "journal-counts" }
  /** The board benchmark: a change through the app's use cases, or a measured rebuild (bench/board/). */
  | { type: "board"; board: BoardOp }
  /** The amendments benchmark: seed annotated proposals, read handler times and SQL counts (bench/amendments/). */
  | { type: "annotated"; annotated: AnnotatedOp }
  /** The brackets benchmark: seed bracketed and plain proposals, read handler times and SQL counts (bench/brackets/). */
  | { type: "brackets"; brackets: BracketsOp };
export type RoomLoadReply = {
  loadMs: number[];
  /** After a full GC, before and after loading (needs the process started with exposeGc). */
  before: MemoryReading;
  after: MemoryReading;
};
export type MemoryReading = { heapUsedBytes: number; externalBytes: number; rssBytes: number; heapTotalBytes?: number };
export type ParentMessage = (Request & { id: number }) | { type: "stop" };
export type ChildMessage =
  | { type: "ready"; port: number; fixture: BenchFixture }
  | { type: "reply"; id: number; usage?: Usage; memory?: MemoryReading; roomLoad?: RoomLoadReply; journal?: JournalCounts; board?: BoardReply; annotated?: AnnotatedReply; brackets?: BracketsReply; error?: string };

export type ServerHandle = {
  url: string;
  /** Everything the server wrote to stderr goes here (it outlives the temp dir). */
  logPath: string;
  secret: string;
  fixture: BenchFixture;
  usage(opts?: UsageOptions): Promise<Usage>;
  /** Samples the server's CPU (V8 profiler) from now until profileStop writes it to `path`. */
  profileStart(): Promise<void>;
  profileStop(path: string): Promise<void>;
  loadRooms(proposalIds: string[]): Promise<RoomLoadReply>;
  /** A single server process only (not a cluster's handle). */
  memory?(): Promise<MemoryReading>;
  journalCounts(): Promise<JournalCounts>;
  /** The board benchmark's hook (a single server process only; not a cluster's handle). */
  board?(op: BoardOp): Promise<BoardReply>;
  /** The amendments benchmark's hook (a single server process only). */
  annotated?(op: AnnotatedOp): Promise<AnnotatedReply>;
  /** The brackets benchmark's hook (a single server process only). */
  brackets?(op: BracketsOp): Promise<BracketsReply>;
  /** Error lines the server logged, grouped: "count × line" (ids masked), most frequent first. */
  errorSummary(): { total: number; top: string[] };
  /** The watchdog's "event loop blocked" lines (server/observability/): how many, and the longest few. */
  stallSummary(): { total: number; longest: string[] };
  stop(): Promise<void>;
};

/** Where profiles of the measured window go when BENCH_CPU_PROF=1 (outside the temp dir). */
export const PROFILE_DIR = join(tmpdir(), "accord-bench-profiles");

const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

// The migration CLI's chatter is not an error.
const BENIGN = /^(Loaded Prisma config|Prisma config detected|\s*$)/;
// A headline is a line that says something failed; stack frames and object dumps are not.
const HEADLINE = /(error|failed|invalid|exceeded)/i;
// The server's event-loop watchdog: "event loop blocked 1432 ms: …" (its own summary, not an error).
const STALL = /^event loop blocked (\d+) ms/;
/** Stall lines quoted in the output; the log has them all. */
const STALLS_QUOTED = 3;

/** Groups the server's stderr into headlines so a flood of one error reads as one line. */
function watchStderr(stream: NodeJS.ReadableStream, logPath: string) {
  const log = createWriteStream(logPath);
  const counts = new Map<string, number>();
  let total = 0;
  let rest = "";
  const stalls: Array<{ ms: number; line: string }> = [];
  let stallTotal = 0;
  stream.on("data", (chunk: Buffer) => {
    log.write(chunk);
    const lines = (rest + chunk.toString()).split("\n");
    rest = lines.pop() ?? "";
    for (const line of lines) {
      const stall = STALL.exec(line);
      if (stall) {
        stallTotal++;
        stalls.push({ ms: Number(stall[1]), line: line.trim().slice(0, 240) });
        stalls.sort((a, b) => b.ms - a.ms);
        stalls.length = Math.min(stalls.length, STALLS_QUOTED);
        continue;
      }
      if (BENIGN.test(line) || /^\s+at /.test(line) || !HEADLINE.test(line)) continue;
      const key = line.trim().replace(/\b[a-z0-9]{25}\b/g, "<id>").slice(0, 160);
      counts.set(key, (counts.get(key) ?? 0) + 1);
      total++;
    }
  });
  return {
    close: () => new Promise<void>((resolve) => log.end(resolve)),
    summary: () => ({
      total,
      top: [...counts].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([line, n]) => `${n} × ${line}`),
    }),
    stalls: () => ({ total: stallTotal, longest: stalls.map((s) => s.line) }),
  };
}

export async function startServerProcess(
  opts: Omit<ChildConfig, "dir" | "secret"> & {
    label: string;
    /** Nodes of one cluster share the session secret. */
    secret?: string | undefined;
    /** An existing data directory (a restart): used as it is and left in place on stop. */
    dir?: string | undefined;
    /** Runs the server with --expose-gc, so memory readings are taken after a full collection. */
    exposeGc?: boolean | undefined;
  },
): Promise<ServerHandle> {
  const dir = opts.dir ?? mkdtempSync(join(tmpdir(), "accord-bench-"));
  const secret = opts.secret ?? randomBytes(32).toString("base64url");
  const { label: _label, exposeGc: _exposeGc, ...childOpts } = opts;
  const config: ChildConfig = { ...childOpts, dir, secret };
  // BENCH_SERVER_FLAGS: extra V8/Node flags for diagnosis, e.g. "--perf-basic-prof" so `perf`
  // can name the server's JavaScript frames, or "--trace-gc".
  const diagnosticFlags = (process.env.BENCH_SERVER_FLAGS ?? "").split(" ").filter(Boolean);
  const execArgv = ["--import", "tsx", ...(opts.exposeGc ? ["--expose-gc"] : []), ...diagnosticFlags];
  const child: ChildProcess = fork(new URL("./server-process.ts", import.meta.url).pathname, [], {
    execArgv,
    env: { ...process.env, BENCH_CONFIG: JSON.stringify(config), NODE_ENV: "production" },
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  const logPath = join(tmpdir(), `accord-bench-server-${opts.label}.log`);
  const stderr = watchStderr(child.stderr!, logPath);
  const cleanupDir = () => opts.dir === undefined && rmSync(dir, { recursive: true, force: true });

  // "close", not "exit": by then stderr is drained into the log.
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once("close", () => ((exited = true), resolve())));
  let nextId = 1;
  const waiting = new Map<number, (reply: Extract<ChildMessage, { type: "reply" }>) => void>();
  let onReady: ((m: Extract<ChildMessage, { type: "ready" }>) => void) | null = null;
  child.on("message", (raw) => {
    const msg = raw as ChildMessage;
    if (msg.type === "ready") onReady?.(msg);
    else if (msg.type === "reply") {
      waiting.get(msg.id)?.(msg);
      waiting.delete(msg.id);
    }
  });

  let ready: Extract<ChildMessage, { type: "ready" }>;
  try {
    ready = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("server process did not start in time")), START_TIMEOUT_MS);
      onReady = (m) => {
        clearTimeout(timer);
        resolve(m);
      };
      void exitedPromise.then(() => {
        clearTimeout(timer);
        reject(new Error(`server process exited during start-up (code ${child.exitCode})`));
      });
    });
  } catch (e) {
    child.kill("SIGKILL");
    await exitedPromise;
    await stderr.close();
    cleanupDir();
    throw new Error(`${(e as Error).message}; server log: ${logPath}`);
  }

  function request(req: Request): Promise<Extract<ChildMessage, { type: "reply" }>> {
    if (exited) return Promise.reject(new Error("server process has exited"));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, (reply) => (reply.error ? reject(new Error(reply.error)) : resolve(reply)));
      child.send({ ...req, id } satisfies ParentMessage);
    });
  }

  return {
    url: `http://127.0.0.1:${ready.port}`,
    logPath,
    secret,
    fixture: ready.fixture,
    errorSummary: stderr.summary,
    stallSummary: stderr.stalls,
    async usage(opts = {}) {
      const reply = await request({ type: "usage", ...opts });
      if (!reply.usage) throw new Error("server process sent no usage");
      return reply.usage;
    },
    async profileStart() {
      await request({ type: "profile-start" });
    },
    async profileStop(path) {
      mkdirSync(PROFILE_DIR, { recursive: true });
      await request({ type: "profile-stop", path });
    },
    async memory() {
      const reply = await request({ type: "memory" });
      if (!reply.memory) throw new Error("server process sent no memory reading");
      return reply.memory;
    },
    async loadRooms(proposalIds) {
      const reply = await request({ type: "load-rooms", proposalIds });
      if (!reply.roomLoad) throw new Error("server process sent no room-load figures");
      return reply.roomLoad;
    },
    async journalCounts() {
      const reply = await request({ type: "journal-counts" });
      if (!reply.journal) throw new Error("server process sent no journal counts");
      return reply.journal;
    },
    async board(op) {
      const reply = await request({ type: "board", board: op });
      if (!reply.board) throw new Error("server process sent no board reply");
      return reply.board;
    },
    async annotated(op) {
      const reply = await request({ type: "annotated", annotated: op });
      if (!reply.annotated) throw new Error("server process sent no amendments-benchmark reply");
      return reply.annotated;
    },
    async brackets(op) {
      const reply = await request({ type: "brackets", brackets: op });
      if (!reply.brackets) throw new Error("server process sent no brackets-benchmark reply");
      return reply.brackets;
    },
    async stop() {
      if (!exited) {
        child.send({ type: "stop" } satisfies ParentMessage);
        const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await exitedPromise;
        clearTimeout(timer);
      }
      await stderr.close();
      cleanupDir();
    },
  };
}
