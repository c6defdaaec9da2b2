// Nobody loses a word: restarts, hard kills, disconnections, idle unloads and compaction.
import { afterAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createFixture } from "../helpers/fixtures";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { eventually, openClient, spawnServerProcess, startTestServer, textOf, type TestClient } from "../helpers/test-server";
import { loadDocumentState } from "../../server/document-store/load-document";
import { docFromState } from "../../lib/document/convert";
import { journalSinkFor, prismaSink } from "../../server/document-store/journal-sinks";

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

function paragraph(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

async function storedText(t: TestDb, proposalId: string): Promise<string> {
  return textOf(docFromState((await loadDocumentState({ db: t.db, proposalId })).state));
}

describe("restarts", () => {
  it("a graceful restart keeps every acknowledged update", async () => {
    const db = await createTestDb();
    cleanups.push(() => db.cleanup());
    const f = await createFixture(db.db);
    const first = await startTestServer({ db });
    const a = await openClient(first, f.users.china, f.proposalId);
    for (const word of ["one ", "two ", "three "]) paragraph(a.doc).insert(paragraph(a.doc).length, word);
    await a.provider.whenSaved();
    const expected = textOf(a.doc);
    a.close();
    await first.stop();

    const second = await startTestServer({ db });
    const b = await openClient(second, f.users.japan, f.proposalId);
    expect(textOf(b.doc)).toBe(expected);
    expect(expected).toContain("one two three ");
    b.close();
    await second.stop();
  });

  it("a hard kill (SIGKILL) after 'saved' loses nothing, and clients' unsent edits merge after reconnecting", async () => {
    const db = await createTestDb();
    cleanups.push(() => db.cleanup());
    const f = await createFixture(db.db);
    const secret = "crash-test-secret-crash-test-secret-123";
    const run1 = await spawnServerProcess(db.url, secret);
    cleanups.push(() => void run1.child.kill("SIGKILL"));

    const writers: TestClient[] = [];
    for (const user of [f.users.china, f.users.japan, f.users.china2]) writers.push(await openClient({ url: run1.url, secret }, user, f.proposalId));
    for (let i = 0; i < 30; i++) {
      for (const [n, w] of writers.entries()) paragraph(w.doc).insert(0, `w${n}k${i};`);
    }
    await Promise.all(writers.map((w) => w.provider.whenSaved()));
    // Saved means each writer's own changes are durable; the others' may still be on the wire.
    await eventually(() => writers.every((w) => textOf(w.doc) === textOf(writers[0]!.doc)), "the writers to converge");
    run1.child.kill("SIGKILL");
    await new Promise((r) => run1.child.once("exit", r));

    // While the server is down, one writer keeps typing.
    await eventually(() => writers[0]!.provider.status === "offline", "the client to notice the server is gone");
    paragraph(writers[0]!.doc).insert(0, "written-while-down;");
    for (const w of writers) w.close();

    // Everything acknowledged before the kill is in the database.
    const afterCrash = await storedText(db, f.proposalId);
    for (let i = 0; i < 30; i++) for (let n = 0; n < 3; n++) expect(afterCrash).toContain(`w${n}k${i};`);

    // Restart; the writer with the unsent edit reconnects (same doc) and it merges.
    const run2 = await spawnServerProcess(db.url, secret);
    cleanups.push(() => void run2.child.kill("SIGKILL"));
    const { openSocket } = await import("../helpers/test-server");
    const { ProposalProvider } = await import("../../lib/realtime/proposal-provider");
    const socket = await openSocket({ url: run2.url, secret }, f.users.china);
    const provider = new ProposalProvider(socket, f.proposalId, { doc: writers[0]!.doc });
    await provider.whenSynced();
    await provider.whenSaved();
    expect(await storedText(db, f.proposalId)).toContain("written-while-down;");
    provider.destroy();
    socket.disconnect();
    run2.child.kill("SIGTERM");
  });
});

describe("offline editing", () => {
  it("edits made while disconnected merge with others' edits on reconnect", async () => {
    const s = await startTestServer();
    cleanups.push(() => s.close());
    const f = await createFixture(s.db, "Base.");
    const a = await openClient(s, f.users.china, f.proposalId);
    const b = await openClient(s, f.users.japan, f.proposalId);
    a.socket.disconnect();
    await eventually(() => a.provider.status === "offline", "A to be offline");
    paragraph(a.doc).insert(0, "[A offline] ");
    paragraph(b.doc).insert(paragraph(b.doc).length, " [B online]");
    await b.provider.whenSaved();
    a.socket.connect();
    await a.provider.whenSynced();
    await a.provider.whenSaved();
    await eventually(() => textOf(a.doc) === textOf(b.doc), "A and B to converge");
    expect(textOf(a.doc)).toContain("[A offline] Base. [B online]");
    expect(await storedText(s, f.proposalId)).toBe(textOf(a.doc));
    a.close();
    b.close();
  });
});

describe("room lifecycle", () => {
  it("compacts the journal into a checkpoint and unloads idle rooms without losing text", async () => {
    const s = await startTestServer({ rooms: { idleMs: 100, compactAfterRows: 25 } });
    cleanups.push(() => s.close());
    const f = await createFixture(s.db, "Start.");
    const a = await openClient(s, f.users.china, f.proposalId);
    for (let i = 0; i < 60; i++) {
      paragraph(a.doc).insert(paragraph(a.doc).length, ` ${i}`);
      if (i % 10 === 0) await a.provider.whenSaved();
    }
    await a.provider.whenSaved();
    const expected = textOf(a.doc);
    a.close();
    await eventually(() => s.server.rooms.peek(f.proposalId) === undefined, "the idle room to unload");
    // Unloading compacted everything: one checkpoint, no journal rows left.
    expect(await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(0);
    const checkpoints = await s.db.documentCheckpoint.findMany({ where: { proposalId: f.proposalId } });
    expect(checkpoints).toHaveLength(1);
    expect(checkpoints[0]!.mergedRows).toBeGreaterThanOrEqual(60);
    // And the room loads back with every word.
    const b = await openClient(s, f.users.japan, f.proposalId);
    expect(textOf(b.doc)).toBe(expected);
    b.close();
  });
});

describe("compaction at production sizes", () => {
  // The SQLite default compacts on the journal's own connection; elsewhere Prisma does it.
  const sinks = [
    ["Prisma (compactJournal)", (db: TestDb) => prismaSink(db.db)],
    ["the journal's SQLite connection", (db: TestDb) => journalSinkFor(db.db, db.url)],
  ] as const;

  it.each(sinks)("folds more journal rows than SQLite takes bound parameters (≥ 1000) in one go, through %s", async (_, sinkFor) => {
    const db = await createTestDb();
    cleanups.push(() => db.cleanup());
    const f = await createFixture(db.db, "Start.");
    const writer = new Y.Doc();
    const base = await loadDocumentState({ db: db.db, proposalId: f.proposalId });
    Y.applyUpdate(writer, base.state);
    const rows: Uint8Array[] = [];
    writer.on("update", (u: Uint8Array) => rows.push(u));
    for (let i = 0; i < 1200; i++) paragraph(writer).insert(paragraph(writer).length, `${i % 10}`);
    await db.db.documentUpdate.createMany({ data: rows.map((u) => ({ proposalId: f.proposalId, update: new Uint8Array(u) })) });
    const sink = sinkFor(db);
    expect(await sink.compact(f.proposalId)).toEqual({ mergedRows: 1200 });
    expect(await db.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(0);
    // The fixture's checkpoint was replaced, not kept beside the new one.
    const checkpoints = await db.db.documentCheckpoint.findMany({ where: { proposalId: f.proposalId } });
    expect(checkpoints.map((c) => c.mergedRows)).toEqual([1200]);
    expect(await storedText(db, f.proposalId)).toBe(textOf(writer));
    // Rows written after a compaction stay until the next one, and load on top of it.
    paragraph(writer).insert(0, "Then: ");
    await db.db.documentUpdate.create({ data: { proposalId: f.proposalId, update: new Uint8Array(rows.at(-1)!) } });
    await db.db.documentUpdate.create({ data: { proposalId: f.proposalId, update: new Uint8Array(Y.encodeStateAsUpdate(writer)) } });
    expect(await storedText(db, f.proposalId)).toBe(textOf(writer));
    expect(await sink.compact(f.proposalId)).toEqual({ mergedRows: 2 });
    expect(await storedText(db, f.proposalId)).toBe(textOf(writer));
    sink.close();
  });
});
