// A real Accord server (socket.io on a real HTTP port, chosen by the OS) over a throw-away
// SQLite file. Next is left out: the realtime layer does not need a production build.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { encode } from "next-auth/jwt";
import { io as connect, type Socket } from "socket.io-client";
import * as Y from "yjs";
import { startAccordServer, type AccordServer } from "../../server/app-server.ts";
import type { RoomOptions } from "../../server/realtime/rooms.ts";
import { ProposalProvider, type ProviderSocket } from "../../lib/realtime/proposal-provider.ts";
import { createTestDb, type TestDb } from "./test-db.ts";
import { CLIENT_SOCKET_OPTIONS } from "../../lib/realtime/socket-options.ts";

export type Endpoint = { url: string; secret: string };

export async function sessionCookie(secret: string, userId: string, name = "Test User"): Promise<string> {
  const jwt = await encode({ token: { sub: userId, name }, secret });
  return `next-auth.session-token=${jwt}`;
}

/** A socket.io client as a browser tab opens it: websocket transport, the session cookie. */
export async function openSocket(endpoint: Endpoint, userId: string | null, opts: { reconnection?: boolean } = {}): Promise<ProviderSocket> {
  const extraHeaders: Record<string, string> = userId ? { cookie: await sessionCookie(endpoint.secret, userId) } : {};
  return connect(endpoint.url, {
    ...CLIENT_SOCKET_OPTIONS,
    extraHeaders,
    reconnection: opts.reconnection ?? false,
    reconnectionDelay: 50,
    reconnectionDelayMax: 200,
    forceNew: true,
  }) as ProviderSocket;
}

/**
 * The sockets a test file opens as it goes (`open`, or pushed to `sockets`), all closed by
 * `closeAll` in its afterAll. `server` is a getter: files start their server in beforeAll.
 */
export function socketPool(server: () => Endpoint): { sockets: ProviderSocket[]; open(userId: string): Promise<ProviderSocket>; closeAll(): void } {
  const sockets: ProviderSocket[] = [];
  return {
    sockets,
    async open(userId) {
      const socket = await openSocket(server(), userId);
      sockets.push(socket);
      await waitForConnect(socket);
      return socket;
    },
    closeAll() {
      for (const socket of sockets.splice(0)) socket.disconnect();
    },
  };
}

export type TestClient = { socket: ProviderSocket; provider: ProposalProvider; doc: Y.Doc; close(): void };

/** A socket plus a provider for one proposal, synced. */
export async function openClient(endpoint: Endpoint, userId: string, proposalId: string, opts: { reconnection?: boolean } = {}): Promise<TestClient> {
  const socket = await openSocket(endpoint, userId, opts);
  const provider = new ProposalProvider(socket, proposalId);
  await provider.whenSynced();
  return {
    socket,
    provider,
    doc: provider.doc,
    close() {
      provider.destroy();
      socket.disconnect();
    },
  };
}

/** ACCORD_CLUSTER_SECRET the test nodes share unless a test passes its own. */
export const TEST_CLUSTER_SECRET = "test-cluster-secret-test-cluster-secret-0123";

export type TestServer = TestDb & Endpoint & { server: AccordServer; close(): Promise<void>; stop(): Promise<void> };

/** Starts a server; on `db` when given (a restart), else on a fresh database. */
export async function startTestServer(opts: { rooms?: Partial<RoomOptions>; db?: TestDb; secret?: string; redisUrl?: string; clusterSecret?: string } = {}): Promise<TestServer> {
  const t = opts.db ?? (await createTestDb());
  const secret = opts.secret ?? randomBytes(32).toString("base64url");
  const server = await startAccordServer({ db: t.db, secret, port: 0, host: "127.0.0.1", rooms: opts.rooms, redisUrl: opts.redisUrl, clusterSecret: opts.clusterSecret ?? TEST_CLUSTER_SECRET, databaseUrl: t.url });
  return {
    ...t,
    server,
    secret,
    url: `http://127.0.0.1:${server.port}`,
    /** Graceful stop; the database stays for a restart. */
    stop: () => server.close(),
    async close() {
      await server.close();
      await t.cleanup();
    },
  };
}

/** How long a spawned server may take to print its port before the helper gives up on it. */
const SPAWN_READY_MS = 30_000;
/** How long a stopped server may take to flush its journal and exit before it is SIGKILLed. */
const STOP_GRACE_MS = 10_000;

// Server processes this module started that have not exited yet. Whatever a test leaves running
// (a failed assertion skips its cleanup) is SIGKILLed when the test process exits. Only these
// handles are ever signalled — never processes found by name, which could be anyone's servers —
// and a handle whose process has exited signals nothing (so a reused pid is safe).
const running = new Set<ChildProcess>();
let isExitHookInstalled = false;
function track(child: ChildProcess): void {
  running.add(child);
  child.once("exit", () => running.delete(child));
  if (isExitHookInstalled) return;
  isExitHookInstalled = true;
  process.once("exit", () => {
    for (const c of running) c.kill("SIGKILL");
  });
}

export type ServerProcess = {
  child: ChildProcess;
  url: string;
  /** Signals this process (SIGTERM flushes the journal first) and resolves once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** Signals `child` unless it has exited; resolves on its exit, SIGKILLing it after the grace period. */
export function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), STOP_GRACE_MS);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill(signal);
  });
}

/** The server as its own OS process, so a test can SIGKILL it mid-session. */
export async function spawnServerProcess(dbUrl: string, secret: string, env: Record<string, string> = {}, opts: { readyMs?: number; onOutput?: (text: string) => void } = {}): Promise<ServerProcess> {
  // node itself runs the server (tsx as a loader, not the tsx CLI, which would add a parent
  // process): the pid we hold is the server's.
  const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/server-process.ts"], {
    env: { ...process.env, DATABASE_URL: dbUrl, NEXTAUTH_SECRET: secret, ACCORD_CLUSTER_SECRET: TEST_CLUSTER_SECRET, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  track(child);
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const readyMs = opts.readyMs ?? SPAWN_READY_MS;
      const timer = setTimeout(() => reject(new Error(`server process printed no port within ${readyMs} ms`)), readyMs);
      let out = "";
      child.stdout!.on("data", (chunk: Buffer) => {
        opts.onOutput?.(chunk.toString());
        out += chunk.toString();
        const m = /LISTENING (\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
      child.once("error", (e) => {
        clearTimeout(timer);
        reject(e);
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`server process exited early (${code})`));
      });
    });
    return { child, url: `http://127.0.0.1:${port}`, stop: (signal) => stopChild(child, signal) };
  } catch (e) {
    // Never leave behind a server that did not come up.
    await stopChild(child, "SIGKILL");
    throw e;
  }
}

export function waitForConnect(socket: Socket): Promise<void> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve();
    socket.once("connect", () => resolve());
    socket.once("connect_error", (err) => reject(err));
  });
}

/** Polls until `check` holds (for convergence across sockets); fails with `what` after `ms`. */
export async function eventually(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export function textOf(doc: Y.Doc): string {
  return doc.getXmlFragment("default").toString();
}
