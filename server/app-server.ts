// One HTTP server: Next.js pages and routes, and socket.io on the same port.
import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Server as IoServer } from "socket.io";
import type { Db } from "../lib/db.ts";
import { startEventLoopWatchdog } from "./observability/event-loop-watchdog.ts";
import { prepareWorkers } from "./compute/ts-worker.ts";
import { DIFF_WORKER_FILE } from "./compute/diff-pool.ts";
import { FOLD_WORKER_FILE } from "./compute/fold-pool.ts";
import { IMPORT_WORKER_FILE } from "./compute/import-pool.ts";
import { EXPORT_WORKER_FILE } from "./compute/export-pool.ts";
import { RECORD_WORKER_FILE } from "./compute/record-pool.ts";
import { DELTA_WORKER_FILE } from "./compute/delta-pool.ts";
import { attachRealtime } from "./realtime/attach.ts";
import { stampPeerAddress } from "./auth/peer-address.ts";
import type { RoomOptions, RoomRegistry } from "./realtime/rooms.ts";
import type { LiveNotifier } from "./services/live-notifier.ts";
import { createLockTimers, installLockTimers, type LockTimers } from "./services/proposals/lock-timers.ts";

export type AccordServer = { http: HttpServer; io: IoServer; rooms: RoomRegistry; live: LiveNotifier; lockTimers: LockTimers; port: number; close(): Promise<void> };

export async function startAccordServer(opts: {
  db: Db;
  secret: string;
  port: number;
  host: string;
  // Tests of the realtime layer run without Next (no build needed); the app always has it.
  next?: { dev: boolean };
  rooms?: Partial<RoomOptions>;
  /** With several processes: Redis for socket.io's adapter and node-to-node replica sync. */
  redisUrl?: string;
  /** With redisUrl: ACCORD_CLUSTER_SECRET, which seals every message between nodes (required). */
  clusterSecret?: string;
  /** Lets the journal write SQLite through its own fast connection (see journal-sinks.ts). */
  databaseUrl?: string;
}): Promise<AccordServer> {
  if (opts.redisUrl && !opts.clusterSecret) throw new Error("ACCORD_CLUSTER_SECRET is required with REDIS_URL: every node must be given the same secret (at least 32 characters)");
  let handle: ((req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => Promise<void>) | null = null;
  let closeNext: (() => Promise<void>) | null = null;
  if (opts.next) {
    const { default: next } = await import("next");
    const app = next({ dev: opts.next.dev, hostname: opts.host, port: opts.port });
    await app.prepare();
    const handler = app.getRequestHandler();
    handle = (req, res) => handler(req, res);
    closeNext = () => app.close();
  }
  const http = createServer((req, res) => {
    // Failed sign-ins are counted per client address: the socket's, never a header's say-so.
    stampPeerAddress(req);
    if (handle) {
      void handle(req, res).catch(() => {
        res.statusCode = 500;
        res.end("Internal error");
      });
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  const realtime = attachRealtime(http, { db: opts.db, secret: opts.secret, rooms: opts.rooms, redisUrl: opts.redisUrl, clusterSecret: opts.clusterSecret, databaseUrl: opts.databaseUrl });
  const { io, rooms, live } = realtime;
  // Countdowns ("Lock in 30 s") pending from before this start: overdue ones lock now.
  const lockTimers = createLockTimers({ db: opts.db, live });
  installLockTimers(lockTimers);
  await lockTimers.resume();
  await new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen(opts.port, opts.host, () => resolve());
  });
  const port = (http.address() as AddressInfo).port;
  const watchdog = startEventLoopWatchdog();
  // Compiled in the background, so no first comparison, compaction or import waits for it.
  prepareWorkers([DIFF_WORKER_FILE, FOLD_WORKER_FILE, IMPORT_WORKER_FILE, EXPORT_WORKER_FILE, RECORD_WORKER_FILE, DELTA_WORKER_FILE]).catch((e) => console.error("worker entries not compiled ahead:", (e as Error).message));
  return {
    http,
    io,
    rooms,
    live,
    lockTimers,
    port,
    // Graceful: stop taking connections, then write every accepted update before returning.
    async close() {
      lockTimers.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      http.closeAllConnections();
      await rooms.closeAll();
      await realtime.close();
      await closeNext?.();
      watchdog.stop();
    },
  };
}
