// The Hocuspocus baseline: @hocuspocus/server 3.4.x with the SQLite extension, in its own process
// (hocuspocus-server.ts, forked with IPC), and HocuspocusProvider clients (Node: `ws` as the
// WebSocket). Every client sends a token signed with the run's secret; the server's onAuthenticate
// refuses anything else, which each start checks once with a wrongly signed token. Two variants:
// Hocuspocus's default save debounce (2 s, at most 10 s) and a save per update (debounce 0).
// Time to disk: see timeToDisk below.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { HocuspocusProvider, HocuspocusProviderWebsocket } from "@hocuspocus/provider";
import * as Y from "yjs";
import { draftState } from "./fixture.ts";
import type { HocuspocusConfig, HocuspocusReply, HocuspocusRequest, StoreRecord } from "./hocuspocus-server.ts";
import { signHocuspocusToken } from "./hocuspocus-token.ts";
import type { Tracker } from "./tracker.ts";
import type { Replica, TimeToDisk, Transport } from "./transport.ts";

const require = createRequire(import.meta.url);
const WS = require("ws") as typeof WebSocket;
process.setMaxListeners(0);

const START_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 10_000;
const AUTH_CHECK_TIMEOUT_MS = 10_000;
/** After the load stops: the default debounce stores 2 s after the last change (at the latest 10 s after the first unsaved one). */
const DISK_WAIT_MS = 15_000;
const DISK_POLL_MS = 500;
const TOKEN_TTL_MS = 6 * 60 * 60 * 1000;

export type HocuspocusVariant = "hocuspocus" | "hocuspocus-per-update";

/** performance.now() in this process → CLOCK_MONOTONIC ms, the clock the server's readings use. */
const toMonotonic = (() => {
  const offset = Number(process.hrtime.bigint()) / 1e6 - performance.now();
  return (t: number) => t + offset;
})();

export async function startHocuspocus(rooms: number, variant: HocuspocusVariant, opts: { exposeGc?: boolean } = {}): Promise<Transport> {
  const dir = mkdtempSync(join(tmpdir(), "accord-bench-hocuspocus-"));
  const secret = randomBytes(32).toString("base64url");
  const config: HocuspocusConfig = { secret, database: join(dir, "hocuspocus.sqlite"), perUpdate: variant === "hocuspocus-per-update" };
  const child: ChildProcess = fork(new URL("./hocuspocus-server.ts", import.meta.url).pathname, [], {
    execArgv: ["--import", "tsx", ...(opts.exposeGc ? ["--expose-gc"] : [])],
    env: { ...process.env, BENCH_HOCUSPOCUS_CONFIG: JSON.stringify(config), NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));
  const waiting = new Map<number, (r: Extract<HocuspocusReply, { type: "reply" }>) => void>();
  let nextId = 1;
  const cleanup = () => rmSync(dir, { recursive: true, force: true });

  let port: number;
  try {
    port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`Hocuspocus did not start within ${START_TIMEOUT_MS} ms: ${stderr}`)), START_TIMEOUT_MS);
      child.on("message", (raw) => {
        const msg = raw as HocuspocusReply;
        if (msg.type === "ready") {
          clearTimeout(timer);
          resolve(msg.port);
        } else waiting.get(msg.id)?.(msg);
      });
      void exitedPromise.then(() => reject(new Error(`Hocuspocus exited: ${stderr}`)));
    });
  } catch (e) {
    child.kill("SIGKILL");
    await exitedPromise;
    cleanup();
    throw e;
  }

  function request(req: Omit<HocuspocusRequest, "id">): Promise<Extract<HocuspocusReply, { type: "reply" }>> {
    if (exited) return Promise.reject(new Error(`Hocuspocus has exited: ${stderr}`));
    const id = nextId++;
    return new Promise((resolve, reject) => {
      waiting.set(id, (reply) => {
        waiting.delete(id);
        if (reply.error) reject(new Error(reply.error));
        else resolve(reply);
      });
      child.send({ ...req, id } as HocuspocusRequest);
    });
  }

  const url = `ws://127.0.0.1:${port}`;
  const prefix = randomBytes(4).toString("hex");
  const roomNames = Array.from({ length: rooms }, (_, r) => `bench-${prefix}-${r}`);
  const roomOf = new Map(roomNames.map((n, i) => [n, i]));
  const draft = draftState();

  function open(room: number, slot: string, withDraft: boolean, tokenSecret = secret) {
    const doc = new Y.Doc();
    if (withDraft) Y.applyUpdate(doc, draft);
    const name = roomNames[room]!;
    let failed: string | null = null;
    // One socket per client, as a browser tab has (3.4's provider takes the WebSocket class on its socket object).
    const socket = new HocuspocusProviderWebsocket({ url, WebSocketPolyfill: WS });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name,
      document: doc,
      token: signHocuspocusToken(tokenSecret, { doc: name, sub: `bench-${slot}`, exp: Date.now() + TOKEN_TTL_MS }),
      onAuthenticationFailed: ({ reason }) => (failed = reason),
    });
    provider.attach();
    const destroy = () => {
      provider.destroy();
      socket.destroy();
    };
    const whenSynced = new Promise<void>((resolve, reject) => {
      if (provider.isSynced) return resolve();
      provider.on("synced", ({ state }: { state: boolean }) => state && resolve());
      provider.on("authenticationFailed", ({ reason }: { reason: string }) => reject(new Error(`Hocuspocus refused the token: ${reason}`)));
    });
    return { provider, doc, whenSynced, destroy, failed: () => failed };
  }

  // A wrongly signed token must be refused: otherwise the figures are those of an open server.
  try {
    const bad = open(0, "forger", false, randomBytes(32).toString("base64url"));
    const outcome = await Promise.race([
      bad.whenSynced.then(() => "synced", (e: Error) => e.message),
      new Promise<string>((r) => setTimeout(() => r("timeout"), AUTH_CHECK_TIMEOUT_MS)),
    ]);
    bad.destroy();
    if (!outcome.startsWith("Hocuspocus refused")) throw new Error(`Hocuspocus did not refuse a wrongly signed token (${outcome})`);
  } catch (e) {
    child.kill("SIGKILL");
    await exitedPromise;
    cleanup();
    throw e;
  }

  /**
   * Per edit (inserts only: a deletion adds no clock to a state vector), the time from the
   * keystroke to the first committed row whose encoded state contains it: the first store of its
   * room whose state vector covers the character's clock, taking the earliest commit among that
   * store and later ones (sqlite3 may finish statements out of order). Waits up to DISK_WAIT_MS
   * for the debounced last stores.
   */
  async function timeToDisk(tracker: Tracker): Promise<TimeToDisk> {
    const measured = [...tracker.edits].filter(([key, rec]) => rec.isMeasured && !key.startsWith("d:"));
    const deadline = performance.now() + DISK_WAIT_MS;
    for (;;) {
      const reply = await request({ type: "stores" });
      const result = match(reply.stores ?? [], measured);
      if (result.missing === 0 || performance.now() > deadline) return result;
      await new Promise((r) => setTimeout(r, DISK_POLL_MS));
    }
  }

  function match(stores: StoreRecord[], edits: Array<[string, { sentAt: number; room: number }]>): TimeToDisk {
    const byRoom = new Map<number, Array<{ sv: Map<number, number>; doneAtMs: number }>>();
    for (const s of [...stores].sort((a, b) => a.startedAtMs - b.startedAtMs)) {
      const room = roomOf.get(s.doc);
      if (room === undefined) continue;
      let list = byRoom.get(room);
      if (!list) byRoom.set(room, (list = []));
      list.push({ sv: new Map(s.sv), doneAtMs: s.doneAtMs });
    }
    const suffixMin = new Map<number, number[]>();
    for (const [room, list] of byRoom) {
      const m = new Array<number>(list.length);
      for (let i = list.length - 1, min = Infinity; i >= 0; i--) m[i] = min = Math.min(min, list[i]!.doneAtMs);
      suffixMin.set(room, m);
    }
    const lags: number[] = [];
    let missing = 0;
    for (const [key, rec] of edits) {
      const [client, clock] = key.split(":").map(Number) as [number, number];
      const list = byRoom.get(rec.room) ?? [];
      // State vectors only grow from one store to the next: binary search for the first that covers the clock.
      let lo = 0;
      let hi = list.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if ((list[mid]!.sv.get(client) ?? 0) > clock) hi = mid;
        else lo = mid + 1;
      }
      if (lo === list.length) missing++;
      else lags.push(suffixMin.get(rec.room)![lo]! - toMonotonic(rec.sentAt));
    }
    return { lags, missing, stores: stores.length };
  }

  return {
    name: variant,
    async connect(room, slot) {
      const { provider, doc, whenSynced, destroy, failed } = open(room, `${room}-${slot}`, true);
      return {
        room,
        doc,
        whenSynced,
        isRemote: (origin) => origin === provider,
        // Hocuspocus answers each update once applied in memory (the provider's unsyncedChanges),
        // which says nothing about the disk: persistence is timeToDisk's, not the sender's.
        onSaved: null,
        isSaved: () => !provider.hasUnsyncedChanges,
        status: () => `${provider.isAuthenticated ? "authenticated" : failed() ? `refused (${failed()})` : "not authenticated"}, ${provider.isSynced ? "synced" : "not synced"}, ${provider.unsyncedChanges} unsynced changes`,
        ping: () =>
          new Promise<number>((resolve) => {
            const id = randomBytes(6).toString("hex");
            const t = performance.now();
            const onStateless = ({ payload }: { payload: string }) => {
              if (payload !== id) return;
              provider.off("stateless", onStateless);
              resolve(performance.now() - t);
            };
            provider.on("stateless", onStateless);
            provider.sendStateless(id);
          }),
        stopAwarenessRenewal: () => {
          if (provider.awareness) clearInterval((provider.awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
        },
        close: destroy,
      } satisfies Replica;
    },
    async readServerCopy(room) {
      const { doc, whenSynced, destroy } = open(room, "reader", false);
      await whenSynced;
      destroy();
      return doc;
    },
    async usage(o) {
      const reply = await request({ type: "usage", ...(o?.startLoopWindow ? { startLoopWindow: true } : {}) });
      return reply.usage!;
    },
    async memory() {
      return (await request({ type: "memory" })).memory!;
    },
    timeToDisk,
    diagnostics: null,
    async stop() {
      if (!exited) {
        child.send({ type: "stop", id: 0 } satisfies HocuspocusRequest);
        const timer = setTimeout(() => child.kill("SIGKILL"), STOP_TIMEOUT_MS);
        await exitedPromise;
        clearTimeout(timer);
      }
      cleanup();
    },
  };
}
