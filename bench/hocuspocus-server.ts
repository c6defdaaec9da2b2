// The Hocuspocus baseline's server, in its own process like Accord's (forked by
// transport-hocuspocus.ts, IPC only): @hocuspocus/server 3.4.x with @hocuspocus/extension-sqlite
// on a fresh SQLite file, an onAuthenticate hook that accepts only tokens signed with the run's
// secret (hocuspocus-token.ts), and either Hocuspocus's default save debounce or a save per
// update (debounce 0). Besides CPU, RSS and event-loop delay it records, for time to disk, when
// each row the SQLite extension writes is committed (see recordStores below).
import { Server } from "@hocuspocus/server";
import { SQLite, upsertQuery } from "@hocuspocus/extension-sqlite";
import * as Y from "yjs";
import { startLoopDelayMeter } from "../server/observability/loop-delay.ts";
import { verifyHocuspocusToken } from "./hocuspocus-token.ts";
import { LOOP_RESOLUTION_MS } from "./loop-window.ts";

export type HocuspocusConfig = { secret: string; database: string; perUpdate: boolean };
/** One row write of the SQLite extension: the document's state vector when it was encoded, and when the write was committed. */
export type StoreRecord = { doc: string; sv: Array<[number, number]>; startedAtMs: number; doneAtMs: number };
export type HocuspocusUsage = { cpuUs: number; rssBytes: number; atMs: number; loop: ReturnType<ReturnType<typeof startLoopDelayMeter>["read"]> };
export type HocuspocusRequest = { id: number } & ({ type: "usage"; startLoopWindow?: boolean } | { type: "memory" } | { type: "stores" } | { type: "stop" });
export type HocuspocusReply =
  | { type: "ready"; port: number }
  | { type: "reply"; id: number; usage?: HocuspocusUsage; memory?: { heapUsedBytes: number; externalBytes: number; rssBytes: number; heapTotalBytes: number }; stores?: StoreRecord[]; error?: string };

const config = JSON.parse(process.env.BENCH_HOCUSPOCUS_CONFIG ?? "null") as HocuspocusConfig | null;
if (!config) throw new Error("BENCH_HOCUSPOCUS_CONFIG is not set (this file is forked by bench/transport-hocuspocus.ts)");

/** hrtime is CLOCK_MONOTONIC: comparable with the generator's readings (it converts performance.now()). */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;
const send = (msg: HocuspocusReply) => process.send?.(msg);

const stores: StoreRecord[] = [];
const sqlite = new SQLite({ database: config.database });

const server = new Server({
  port: 0,
  address: "127.0.0.1",
  quiet: true,
  stopOnSignals: false,
  // Per update: every change stores at once (Hocuspocus runs stores of one document one after another).
  ...(config.perUpdate ? { debounce: 0, maxDebounce: 0 } : {}),
  extensions: [sqlite],
  async onAuthenticate({ token, documentName }) {
    const claims = verifyHocuspocusToken(config.secret, token);
    // Throwing refuses the connection (the provider gets authenticationFailed).
    if (!claims || claims.doc !== documentName) throw new Error("invalid token");
    return { user: claims.sub };
  },
  // The benchmark's ping: a stateless message echoed straight back (one round trip through the message handling).
  async onStateless({ connection, payload }) {
    connection.sendStateless(payload);
  },
});

/**
 * The extension's store() hands its upsert to sqlite3's Database#run without a callback (and
 * resolves before the row is written), so afterStoreDocument cannot tell when the data is on
 * disk. Wrapping `run` on the extension's own connection adds a completion callback to each
 * upsert and records it: the document's state vector when the state was encoded (store() encodes
 * and calls run synchronously, so the live document's vector is the stored one's) and the time
 * sqlite3 reported the statement done (autocommit: committed to the file).
 */
function recordStores(): void {
  const db = sqlite.db;
  if (!db) throw new Error("the SQLite extension opened no database");
  const run = db.run.bind(db) as (sql: string, params: unknown, cb?: (this: unknown, err: Error | null) => void) => unknown;
  (db as unknown as { run: typeof run }).run = (sql, params, cb) => {
    if (sql !== upsertQuery) return run(sql, params, cb);
    const doc = String((params as { $name?: string }).$name);
    const document = server.hocuspocus.documents.get(doc);
    const sv = document ? [...Y.decodeStateVector(Y.encodeStateVector(document))] : [];
    const startedAtMs = monotonicMs();
    return run(sql, params, function (err) {
      if (!err) stores.push({ doc, sv, startedAtMs, doneAtMs: monotonicMs() });
      cb?.call(this, err);
    });
  };
}

await server.listen();
recordStores();
const loop = startLoopDelayMeter(LOOP_RESOLUTION_MS);

process.on("message", (raw) => {
  const msg = raw as HocuspocusRequest;
  switch (msg.type) {
    case "usage": {
      const cpu = process.cpuUsage();
      const reading = loop.read();
      if (msg.startLoopWindow) loop.reset();
      send({ type: "reply", id: msg.id, usage: { cpuUs: cpu.user + cpu.system, rssBytes: process.memoryUsage().rss, atMs: monotonicMs(), loop: reading } });
      return;
    }
    case "memory": {
      (globalThis as { gc?: () => void }).gc?.();
      const m = process.memoryUsage();
      send({ type: "reply", id: msg.id, memory: { heapUsedBytes: m.heapUsed, externalBytes: m.external, rssBytes: m.rss, heapTotalBytes: m.heapTotal } });
      return;
    }
    case "stores":
      send({ type: "reply", id: msg.id, stores });
      return;
    case "stop":
      void server.destroy().finally(() => process.exit(0));
      return;
  }
});

send({ type: "ready", port: server.address.port });
