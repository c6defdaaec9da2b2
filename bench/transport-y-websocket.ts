// The baseline: y-websocket's reference server (node_modules/y-websocket/bin/server.js, in-memory,
// no auth, no persistence) in its own child process, and WebsocketProvider clients. It has no
// IPC, so its CPU time and RSS are read from /proc. Every replica starts from the same encoded
// draft as Accord's fixture (applying one update twice is a no-op, so all replicas agree on it).
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";
import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import * as syncProtocol from "y-protocols/sync";
import { draftState } from "./fixture.ts";
import type { Replica, ServerUsage, Transport } from "./transport.ts";

const require = createRequire(import.meta.url);
// `ws` ships no types here; WebsocketProvider only needs a WebSocket-compatible constructor.
const WS = require("ws") as typeof WebSocket;
// Every WebsocketProvider adds a process "exit" listener (to withdraw its awareness state); hundreds are expected here.
process.setMaxListeners(0);

const START_TIMEOUT_MS = 15_000;
// Not in the package's "exports": addressed by path, as `node node_modules/y-websocket/bin/server.js`.
const SERVER_JS = fileURLToPath(new URL("../node_modules/y-websocket/bin/server.js", import.meta.url));
const MESSAGE_SYNC = 0;
// /proc/<pid>/stat counts CPU in clock ticks (USER_HZ, 100 on Linux).
const CLOCK_TICKS_PER_S = 100;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function procUsage(pid: number): ServerUsage {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name (which may contain spaces): state is field 3, utime 14, stime 15.
  const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(f[11]) + Number(f[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return { cpuUs: (ticks * 1e6) / CLOCK_TICKS_PER_S, rssBytes: Number(rss?.[1] ?? 0) * 1024, atMs: Number(process.hrtime.bigint()) / 1e6 };
}

export async function startYWebsocket(rooms: number): Promise<Transport> {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER_JS], {
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c: Buffer) => (stderr += c.toString()).slice(-4000));
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`y-websocket server did not start: ${stderr}`)), START_TIMEOUT_MS);
    child.stdout.on("data", (c: Buffer) => {
      if (c.toString().includes("running at")) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then(() => reject(new Error(`y-websocket server exited: ${stderr}`)));
  });
  const url = `ws://127.0.0.1:${port}`;
  // Fresh room names every run, although the server is fresh too.
  const prefix = randomBytes(4).toString("hex");
  const roomNames = Array.from({ length: rooms }, (_, r) => `bench-${prefix}-${r}`);
  const draft = draftState();

  function open(room: number, withDraft: boolean): { provider: WebsocketProvider; doc: Y.Doc; whenSynced: Promise<void> } {
    const doc = new Y.Doc();
    if (withDraft) Y.applyUpdate(doc, draft);
    // disableBc: Node 20 has BroadcastChannel, which would let in-process replicas bypass the server.
    const provider = new WebsocketProvider(url, roomNames[room]!, doc, { WebSocketPolyfill: WS, disableBc: true });
    const whenSynced = new Promise<void>((resolve) => {
      if (provider.synced) return resolve();
      const onSync = (isSynced: boolean) => {
        if (!isSynced) return;
        provider.off("sync", onSync);
        resolve();
      };
      provider.on("sync", onSync);
    });
    return { provider, doc, whenSynced };
  }

  return {
    name: "y-websocket",
    async connect(room) {
      const { provider, doc, whenSynced } = open(room, true);
      const replica: Replica = {
        room,
        doc,
        whenSynced,
        isRemote: (origin) => origin === provider,
        onSaved: null,
        isSaved: () => true,
        status: () => (provider.wsconnected ? (provider.synced ? "connected, synced" : "connected, not synced") : "not connected"),
        ping: () => pingSync(url, roomNames[room]!),
        close: () => provider.destroy(),
      };
      return replica;
    },
    async readServerCopy(room) {
      const { provider, doc, whenSynced } = open(room, false);
      await whenSynced;
      provider.destroy();
      return doc;
    },
    usage: async () => procUsage(child.pid!),
    diagnostics: null,
    async stop() {
      if (child.exitCode === null) {
        child.kill("SIGTERM");
        const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** y-websocket has no acknowledged request: time sync step 1 → the server's sync step 2. */
async function pingSync(url: string, room: string): Promise<number> {
  const ws = new WS(`${url}/${room}`);
  ws.binaryType = "arraybuffer";
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error("ping socket failed"));
  });
  const step1 = encoding.createEncoder();
  encoding.writeVarUint(step1, MESSAGE_SYNC);
  syncProtocol.writeSyncStep1(step1, new Y.Doc());
  const payload = encoding.toUint8Array(step1);
  const t = performance.now();
  const rtt = await new Promise<number>((resolve) => {
    ws.onmessage = (ev: MessageEvent) => {
      const d = decoding.createDecoder(new Uint8Array(ev.data as ArrayBuffer));
      if (decoding.readVarUint(d) === MESSAGE_SYNC && decoding.readVarUint(d) === syncProtocol.messageYjsSyncStep2) resolve(performance.now() - t);
    };
    ws.send(payload);
  });
  ws.close();
  return rtt;
}
