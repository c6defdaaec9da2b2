// `npm run bench -- --history`: a proposal with a long history (default 10,000 versions of a
// five-page text), then the times that matter to someone reading it: listing the newest 50,
// opening one version, comparing two, verifying the whole hash chain, and restoring an old version.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Y from "yjs";
import { createDb, tuneSqlite, type Db } from "../lib/db.ts";
import { asBytes } from "../lib/bytes.ts";
import { stateFromPmJson } from "../lib/document/convert.ts";
import { applyMigrations } from "../server/migrate.ts";
import { cutVersion, freezeText } from "../server/services/history/cut-version.ts";
import { listVersions } from "../server/services/history/list-versions.ts";
import { getVersion } from "../server/services/history/get-version.ts";
import { compareVersions } from "../server/services/history/compare-versions.ts";
import { verifyHistory } from "../server/services/history/verify-history.ts";
import { restoreVersion } from "../server/services/history/restore-version.ts";
import { percentiles, round } from "./stats.ts";
import { inProcessRoom } from "../tests/helpers/in-process-room.ts";

const WORDS = "the parties agree to strengthen regional cooperation on public health supply chains and small enterprise finance through regular exchanges".split(" ");

/** About five pages: 30 numbered clauses of ~100 words. */
function fivePageDraft(): object {
  const clause = (i: number) => Array.from({ length: 100 }, (_, j) => WORDS[(i * 7 + j) % WORDS.length]).join(" ") + ".";
  return {
    type: "doc",
    content: [
      { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Long negotiated text" }] },
      { type: "orderedList", attrs: { start: 1 }, content: Array.from({ length: 30 }, (_, i) => ({ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: clause(i) }] }] })) },
    ],
  };
}

async function timed(label: string, runs: number, fn: () => Promise<unknown>): Promise<string> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
  }
  const p = percentiles(samples);
  return `  ${label.padEnd(34)} p50 ${round(p.p50)} ms  p95 ${round(p.p95)} ms  (${runs} runs)`;
}

export async function runHistoryBench(opts: { versions: number; log: (line: string) => void }): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "accord-bench-history-"));
  const url = `file:${join(dir, "history.db")}`;
  try {
    await applyMigrations(url);
    const db = createDb(url);
    await tuneSqlite(db);
    const w = await db.workshop.create({ data: { title: "History bench" } });
    const d = await db.delegation.create({ data: { workshopId: w.id, name: "Japan", code: "JPN", colour: "#be185d" } });
    const u = await db.user.create({ data: { email: "reader@bench", name: "Reader", passwordHash: "x" } });
    await db.member.create({ data: { workshopId: w.id, userId: u.id, role: "DELEGATE", delegationId: d.id } });
    const chair = await db.user.create({ data: { email: "chair@bench", name: "Chair", passwordHash: "x" } });
    await db.member.create({ data: { workshopId: w.id, userId: chair.id, role: "MODERATOR" } });
    const p = await db.proposal.create({ data: { workshopId: w.id, title: "Long history", position: 0 } });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, stateFromPmJson(fivePageDraft() as never));
    await db.documentCheckpoint.create({ data: { proposalId: p.id, state: asBytes(Y.encodeStateAsUpdate(doc)) } });
    await db.documentClient.create({ data: { proposalId: p.id, clientId: BigInt(doc.clientID), userId: u.id, delegationId: d.id } });
    const chars = doc.getXmlFragment("default").toString().length;
    opts.log(`history: ${opts.versions} versions of a ${chars}-character text (SQLite)`);

    // Each version: a small edit somewhere in the text, then a version cut as the server cuts one.
    const list = (doc.getXmlFragment("default").get(1) as Y.XmlElement).toArray() as Y.XmlElement[];
    const started = performance.now();
    for (let v = 1; v <= opts.versions; v++) {
      const item = list[v % list.length]!;
      const text = (item.get(0) as Y.XmlElement).get(0) as Y.XmlText;
      // Inserts and deletions of the same size alternate: the text stays about five pages.
      if (v % 2 === 0) text.delete((v * 13) % (text.length - 10), 6);
      else text.insert((v * 7) % text.length, `w${String(v % 1000).padStart(3, "0")}. `);
      await cutVersion(db, { proposalId: p.id, workshopId: w.id, frozen: freezeText(doc), kind: v % 50 === 0 ? "NAMED" : "AUTO", label: v % 50 === 0 ? `Rev.${v / 50}` : null, authorId: null, editors: new Set([d.id]), now: new Date() });
      if (v % 2000 === 0) opts.log(`  … ${v} versions cut (${round((performance.now() - started) / 1000)} s)`);
    }
    opts.log(`  cutting ${opts.versions} versions took ${round((performance.now() - started) / 1000)} s (${round((performance.now() - started) / opts.versions)} ms each)`);
    const stored = (
      await db.$queryRawUnsafe<Array<{ bytes: bigint | number; whole: bigint | number }>>(
        `SELECT SUM(LENGTH(state) + LENGTH(text) + COALESCE(LENGTH(textDelta), 0) + COALESCE(LENGTH(stateDelta), 0)) AS bytes, SUM(textDelta IS NULL) AS whole FROM "Version"`,
      )
    )[0];
    opts.log(`  stored: ${round(Number(stored?.bytes ?? 0) / 1024 / 1024)} MB of version states and texts (${Number(stored?.whole ?? 0)} versions whole, the rest as deltas)`);
    // The whole file, every table and index included, once freed pages are given back.
    await db.$executeRawUnsafe("VACUUM");
    opts.log(`  database file: ${round(statSync(join(dir, "history.db")).size / 1024 / 1024)} MB`);

    const ctx = { db, userId: u.id, proposalId: p.id };
    const newest = opts.versions;
    opts.log(await timed("list the newest 50", 20, () => listVersions({ ...ctx })));
    opts.log(await timed("list 50 from the middle (page)", 20, () => listVersions({ ...ctx, before: Math.floor(newest / 2) })));
    opts.log(await timed("open one version", 20, () => getVersion({ ...ctx, number: Math.floor(newest / 3) })));
    opts.log(await timed("compare two adjacent versions", 10, () => compareVersions({ ...ctx, from: newest - 1, to: newest })));
    opts.log(await timed("compare the first and the newest", 5, () => compareVersions({ ...ctx, from: 1, to: newest })));
    const t = performance.now();
    const report = await verifyHistory(ctx);
    opts.log(`  verify the whole chain              ${round(performance.now() - t)} ms (${JSON.stringify(report)})`);
    // Last, as each restore adds a version. The room is this process's document (no sockets):
    // what is timed is the use case — reading the old version, the change, the RESTORE version.
    const rooms = inProcessRoom(db, doc, { workshopId: w.id, editors: [d.id] });
    opts.log(await timed("restore an old version", 5, () => restoreVersion({ ...ctx, userId: chair.id, rooms, number: Math.floor(newest / 3) })));
    await db.$disconnect();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
