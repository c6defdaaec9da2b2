// `npm run bench -- --room-load path/to/automerge-paper.json.gz [--rooms N]`: how long a long
// proposal takes to open after the server restarts, and what it costs to hold. The text is an
// editing trace replayed into a proposal (automerge-paper: 104,852 characters from 260k edits,
// so the Yjs document carries a real editing history, not one pasted string). Two shapes of stored document, N rooms each:
//   compacted — a checkpoint only: what unloading an idle room leaves behind;
//   journal   — a checkpoint + 999 journal rows (one short of compaction): the worst a room
//               can face after a crash.
// The server is stopped after seeding and started fresh; each room is loaded as the first join
// would load it (RoomRegistry.get). Memory is read after a full GC, before and after loading.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import * as Y from "yjs";
import { createDb } from "../lib/db.ts";
import { asBytes } from "../lib/bytes.ts";
import { DEFAULT_ROOM_OPTIONS } from "../server/realtime/rooms.ts";
import { draftState } from "./fixture.ts";
import { openProvider } from "./accord-client.ts";
import { startServerProcess, type RoomLoadReply } from "./server-control.ts";
import { percentiles, round } from "./stats.ts";
import { loadTrace } from "./trace/trace-file.ts";
import { applyTxn, paragraphText, plainText } from "./trace/trace-text.ts";

/** Journal rows left uncompacted in the "journal" shape: one short of the compaction threshold. */
const TAIL_ROWS = DEFAULT_ROOM_OPTIONS.compactAfterRows - 1;
const TXNS_PER_ROW = 10;
const MB = 1024 * 1024;

type Shape = { checkpoint: Uint8Array; rows: Uint8Array[] };

/** Replays the trace into the bench draft: the final state, and a checkpoint + journal tail. */
function buildDocument(file: string): { text: string; compacted: Shape; journal: Shape } {
  const trace = loadTrace(file);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, draftState());
  const text = paragraphText(doc);
  doc.transact(() => {
    text.delete(0, text.length);
    if (trace.startContent) text.insert(0, trace.startContent);
  });
  const tailStart = Math.max(0, trace.txns.length - TAIL_ROWS * TXNS_PER_ROW);
  doc.transact(() => {
    for (let i = 0; i < tailStart; i++) applyTxn(text, trace.txns[i]!, trace.isBmpOnly);
  });
  const beforeTail = Y.encodeStateAsUpdate(doc);
  const rows: Uint8Array[] = [];
  doc.on("update", (u: Uint8Array) => rows.push(u));
  for (let i = tailStart; i < trace.txns.length; i += TXNS_PER_ROW) {
    doc.transact(() => {
      for (const txn of trace.txns.slice(i, i + TXNS_PER_ROW)) applyTxn(text, txn, trace.isBmpOnly);
    });
  }
  const final = plainText(doc);
  if (final !== trace.endContent) throw new Error("the replayed document does not match the trace's endContent");
  return { text: final, compacted: { checkpoint: Y.encodeStateAsUpdate(doc), rows: [] }, journal: { checkpoint: beforeTail, rows } };
}

async function seed(url: string, proposalIds: string[], shape: Shape): Promise<void> {
  const db = createDb(url);
  try {
    for (const proposalId of proposalIds) {
      await db.documentCheckpoint.deleteMany({ where: { proposalId } });
      await db.documentCheckpoint.create({ data: { proposalId, state: asBytes(shape.checkpoint) } });
      if (shape.rows.length > 0) await db.documentUpdate.createMany({ data: shape.rows.map((u) => ({ proposalId, update: asBytes(u) })) });
    }
  } finally {
    await db.$disconnect();
  }
}

function summarize(label: string, reply: RoomLoadReply) {
  const [first, ...rest] = reply.loadMs;
  const p = percentiles(rest.length > 0 ? rest : reply.loadMs);
  const rooms = reply.loadMs.length;
  const heapPerRoom = (reply.after.heapUsedBytes + reply.after.externalBytes - reply.before.heapUsedBytes - reply.before.externalBytes) / rooms / MB;
  const rssPerRoom = (reply.after.rssBytes - reply.before.rssBytes) / rooms / MB;
  return {
    label,
    rooms,
    first_load_ms: round(first ?? Number.NaN),
    load_ms: { p50: round(p.p50), p95: round(p.p95), max: round(p.max) },
    memory_mb_per_room: round(heapPerRoom),
    rss_mb_per_room: round(rssPerRoom),
  };
}

export async function runRoomLoadBench(opts: { trace: string; rooms: number; json: string | null; log: (line: string) => void }): Promise<number> {
  const { log } = opts;
  const t0 = performance.now();
  const built = buildDocument(opts.trace);
  log(`\nroom load: ${basename(opts.trace)} replayed into a proposal (${built.text.length} characters) in ${round((performance.now() - t0) / 1000)} s`);
  log(`  stored: compacted = checkpoint ${round(built.compacted.checkpoint.byteLength / 1024)} KB; journal = checkpoint + ${built.journal.rows.length} rows`);

  const dir = mkdtempSync(join(tmpdir(), "accord-room-load-"));
  const url = `file:${join(dir, "bench.db")}`;
  try {
    const setup = await startServerProcess({ label: "room_load", rooms: opts.rooms * 2, clientsPerRoom: 1, dir });
    const { fixture, secret } = setup;
    await setup.stop();
    const compactedIds = fixture.proposalIds.slice(0, opts.rooms);
    const journalIds = fixture.proposalIds.slice(opts.rooms);
    await seed(url, compactedIds, built.compacted);
    await seed(url, journalIds, built.journal);

    // The restart: a new process, nothing loaded, nothing compiled.
    const server = await startServerProcess({ label: "room_load", rooms: opts.rooms * 2, clientsPerRoom: 1, dir, fixture, secret, exposeGc: true });
    try {
      const compacted = summarize("compacted", await server.loadRooms(compactedIds.slice(0, -1)));
      const journal = summarize("journal", await server.loadRooms(journalIds));
      // What a delegate waits for: join + sync of the last compacted room (not loaded yet).
      const t = performance.now();
      const client = await openProvider({ url: server.url, secret }, fixture.delegates[0]!, compactedIds.at(-1)!);
      const openMs = performance.now() - t;
      const matches = plainText(client.provider.doc) === built.text;
      client.provider.destroy();
      client.socket.disconnect();

      for (const r of [compacted, journal]) {
        log(
          `  ${r.label.padEnd(9)} first room after restart ${r.first_load_ms} ms; the other ${r.rooms - 1}: p50 ${r.load_ms.p50} / p95 ${r.load_ms.p95} / max ${r.load_ms.max} ms | ` +
            `memory ${r.memory_mb_per_room} MB per room (heap + buffers after GC; RSS ${r.rss_mb_per_room} MB)`,
        );
      }
      log(`  a delegate opening the proposal (sign-in socket, join, sync of ${built.text.length} characters): ${round(openMs)} ms, text ${matches ? "identical" : "DIFFERENT"}`);
      if (opts.json) {
        const out = { trace: basename(opts.trace).replace(/\.json(\.gz)?$/, ""), characters: built.text.length, journal_rows: built.journal.rows.length, compacted, journal, open_proposal_ms: round(openMs), text_matches: matches };
        writeFileSync(opts.json, `${JSON.stringify(out, null, 2)}\n`);
        log(`  wrote ${opts.json}`);
      }
      return matches ? 0 : 1;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
