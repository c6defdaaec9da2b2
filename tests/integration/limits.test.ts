// Bounds on what one member can make the server hold or send: new Yjs client ids (per update,
// per minute, per member), sockets per account, presence per state, per room and per second.
// Each was broken in a review: 1,000 ids in one update broke a proposal for good; 300 sockets;
// a 4.3 MB join answer; 1.26 GB of presence sent out in 15 s.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { awarenessUpdate } from "../helpers/awareness";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, openSocket, socketPool, startTestServer, waitForConnect, type TestServer } from "../helpers/test-server";
import { firstParagraph } from "../helpers/typist";
import { MAX_NEW_CLIENT_IDS_PER_MINUTE, MAX_NEW_CLIENT_IDS_PER_UPDATE } from "../../server/realtime/authorship-ledger";
import { MAX_CLIENT_IDS_PER_SESSION, MAX_PRESENCE_STATE_BYTES, MAX_ROOM_PRESENCE_BYTES, PRESENCE_RATE } from "../../server/realtime/presence-limits";
import { MAX_SOCKETS_PER_USER } from "../../server/realtime/socket-guard";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { listDocumentAuthors } from "../../server/services/proposals/list-document-authors";
import type { ProviderSocket } from "../../lib/realtime/proposal-provider";
import { toUint8Array, PROTOCOL_VERSION } from "../../lib/protocol";

let s: TestServer;
let f: Fixture;
const pool = socketPool(() => s);
const sockets = pool.sockets;
const socketOf = (userId: string) => pool.open(userId);
beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db, "Starting draft text.");
});
afterAll(async () => {
  pool.closeAll();
  await s.close();
});

/** An update in which each of `ids` inserts one character (as `ids.length` different tabs would). */
function updateFromClients(base: Uint8Array, ids: number[]): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, base);
  const before = Y.encodeStateVector(doc);
  for (const id of ids) {
    doc.clientID = id;
    firstParagraph(doc).insert(0, "x");
  }
  return Y.encodeStateAsUpdate(doc, before);
}

describe("Yjs client ids", () => {
  it("refuses an update with more new client ids than the bound, stores nothing of it, and the proposal keeps working", async () => {
    const so = await socketOf(f.users.china);
    const join = await so.emitWithAck("room:join", { proposalId: f.proposalId, clientId: 900_001, protocol: PROTOCOL_VERSION });
    expect(join.ok).toBe(true);
    const sync = await so.emitWithAck("doc:sync", { proposalId: f.proposalId, stateVector: new Uint8Array([0]) });
    if (!sync.ok) throw new Error("sync failed");
    const base = toUint8Array(sync.update);
    const rowsBefore = await s.db.documentClient.count({ where: { proposalId: f.proposalId } });
    const journalBefore = await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } });

    const ids = Array.from({ length: 1000 }, (_, i) => 1_000_000 + i);
    const res = await so.emitWithAck("doc:update", { proposalId: f.proposalId, update: updateFromClients(base, ids) });
    expect(res).toMatchObject({ ok: false, error: { code: "TOO_MANY_CLIENTS" } });
    expect(await s.db.documentClient.count({ where: { proposalId: f.proposalId } })).toBe(rowsBefore);
    expect(await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(journalBefore);

    // Within the bound it is accepted; the chair can still save a version.
    const few = ids.slice(0, MAX_NEW_CLIENT_IDS_PER_UPDATE);
    expect(await so.emitWithAck("doc:update", { proposalId: f.proposalId, update: updateFromClients(base, few) })).toMatchObject({ ok: true });
    const v = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "After the flood" });
    expect(v.number).toBeGreaterThan(0);
  });

  it("cuts versions of a text written with more client ids than SQLite takes bound parameters", async () => {
    // 1,200 tabs over a long workshop: each id wrote a character and owns a ledger row.
    const p = await s.db.proposal.create({ data: { workshopId: f.workshopId, title: "Many writers", position: 50 } });
    const doc = new Y.Doc();
    doc.getXmlFragment("default").insert(0, [new Y.XmlElement("paragraph")]);
    (doc.getXmlFragment("default").get(0) as Y.XmlElement).insert(0, [new Y.XmlText("")]);
    const ids = Array.from({ length: 1200 }, (_, i) => 2_000_000 + i);
    for (const id of ids) {
      doc.clientID = id;
      firstParagraph(doc).insert(0, "y");
    }
    await s.db.documentCheckpoint.create({ data: { proposalId: p.id, state: new Uint8Array(Y.encodeStateAsUpdate(doc)) } });
    await s.db.documentClient.createMany({ data: ids.map((id) => ({ proposalId: p.id, clientId: BigInt(id), userId: f.users.japan, delegationId: null })) });
    const v = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: p.id, label: "Many hands" });
    expect(v.number).toBe(1);
  });

  it(`bounds new client ids per member: at most ${MAX_CLIENT_IDS_PER_SESSION} per socket, ${MAX_NEW_CLIENT_IDS_PER_MINUTE} a minute`, async () => {
    const before = await s.db.documentClient.count({ where: { proposalId: f.otherProposalId, userId: f.users.japan } });
    const results: string[] = [];
    // One socket re-joining with fresh ids, then more sockets doing the same.
    for (let n = 0; n < 4; n++) {
      const so = await socketOf(f.users.japan);
      for (let i = 0; i < 12; i++) {
        const res = await so.emitWithAck("room:join", { proposalId: f.otherProposalId, clientId: 3_000_000 + n * 100 + i, protocol: PROTOCOL_VERSION });
        results.push(res.ok ? "ok" : res.error.code);
      }
    }
    const accepted = results.filter((r) => r === "ok").length;
    expect(accepted).toBe(MAX_NEW_CLIENT_IDS_PER_MINUTE);
    expect(results.filter((r) => r === "TOO_MANY_CLIENTS").length).toBe(results.length - accepted);
    expect(await s.db.documentClient.count({ where: { proposalId: f.otherProposalId, userId: f.users.japan } })).toBe(before + accepted);
  });
});

describe("the starting draft", () => {
  it("of every seeded demo proposal has its client ids recorded as the chair's", async () => {
    const { createTestDb } = await import("../helpers/test-db");
    const { seedDemo } = await import("../../server/seed/seed");
    const t = await createTestDb();
    try {
      await seedDemo(t.db);
      const chair = await t.db.user.findUniqueOrThrow({ where: { email: "chair@accord.example" } });
      const checkpoints = await t.db.documentCheckpoint.findMany({ select: { proposalId: true, state: true } });
      expect(checkpoints.length).toBe(4);
      for (const c of checkpoints) {
        const writers = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(c.state)).keys()];
        const rows = await t.db.documentClient.findMany({ where: { proposalId: c.proposalId } });
        expect(rows.map((r) => Number(r.clientId)).sort()).toEqual(writers.sort());
        for (const r of rows) expect(r).toMatchObject({ userId: chair.id, delegationId: null });
      }
    } finally {
      await t.cleanup();
    }
  });

  it("is owned by whoever created it: no delegate can claim its client ids, and it is never attributed to a delegation", async () => {
    const p = await s.db.proposal.create({ data: { workshopId: f.workshopId, title: "Owned draft", position: 51 } });
    const { recordStartingDraft } = await import("../../server/document-store/starting-draft");
    const { stateFromPmJson } = await import("../../lib/document/convert");
    const state = stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "The chair's starting text." }] }] });
    await recordStartingDraft(s.db, { proposalId: p.id, state, owner: { userId: f.users.chair, delegationId: null } });
    const draftClient = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state)).keys()][0]!;

    // China continues the draft with its own tab…
    const china = await openClient(s, f.users.china, p.id);
    firstParagraph(china.doc).insert(firstParagraph(china.doc).length, " China adds this.");
    await china.provider.whenSaved();
    // …and a socket that claims the draft's own client id is refused.
    const so = await socketOf(f.users.china);
    expect(await so.emitWithAck("room:join", { proposalId: p.id, clientId: draftClient, protocol: PROTOCOL_VERSION })).toMatchObject({ ok: false, error: { code: "FOREIGN_CLIENT" } });

    const authors = await listDocumentAuthors({ db: s.db, userId: f.users.observer, proposalId: p.id });
    const byClient = new Map(authors.clients.map((c) => [c.clientId, c.delegationId]));
    expect(byClient.get(draftClient)).toBeNull();
    expect(byClient.get(china.doc.clientID)).not.toBeNull();
    china.close();
  });
});

describe("connections and presence", () => {
  it(`refuses an account's socket beyond ${MAX_SOCKETS_PER_USER} on one server`, async () => {
    const mine: ProviderSocket[] = [];
    for (let i = 0; i < MAX_SOCKETS_PER_USER; i++) mine.push(await socketOf(f.users.observer));
    const extra = await openSocket(s, f.users.observer);
    sockets.push(extra);
    await expect(waitForConnect(extra)).rejects.toThrow("TOO_MANY_CONNECTIONS");
    // A slot frees when a socket closes (once the server has seen it go).
    mine[0]!.disconnect();
    await eventually(() => s.server.io.sockets.sockets.size <= sockets.filter((x) => x.connected).length, "the server to see the socket go");
    const again = await openSocket(s, f.users.observer);
    sockets.push(again);
    await waitForConnect(again);
    for (const so of mine) so.disconnect();
  });

  it("bounds presence: per state, per room (join answers stay small) and per second", async () => {
    const p = await s.db.proposal.create({ data: { workshopId: f.workshopId, title: "Presence", position: 52 } });
    const so = await socketOf(f.users.china2);
    expect((await so.emitWithAck("room:join", { proposalId: p.id, clientId: 4_000_001, protocol: PROTOCOL_VERSION })).ok).toBe(true);
    const big = { cursor: null, note: "x".repeat(MAX_PRESENCE_STATE_BYTES) };
    expect(await so.emitWithAck("awareness:update", { proposalId: p.id, update: awarenessUpdate([{ clientId: 4_000_001, clock: 1, state: big }]) })).toMatchObject({
      ok: false,
      error: { code: "TOO_MUCH_PRESENCE" },
    });

    // Members each speaking for several ids near the per-state bound: the room's total stays bounded.
    const state = { note: "y".repeat(MAX_PRESENCE_STATE_BYTES - 300) };
    const perMember = 7; // ids per socket (the session bound is MAX_CLIENT_IDS_PER_SESSION)
    const members = Math.ceil(MAX_ROOM_PRESENCE_BYTES / (perMember * MAX_PRESENCE_STATE_BYTES)) + 4;
    let refusedForRoom = 0;
    for (let i = 0; i < members; i++) {
      const member = await s.db.user.create({ data: { email: `presence-${i}-${p.id}@accord.example`, name: `P${i}`, passwordHash: "unused" } });
      await s.db.member.create({ data: { workshopId: f.workshopId, userId: member.id, role: "OBSERVER" } });
      const m = await socketOf(member.id);
      const ids = Array.from({ length: perMember }, (_, k) => 5_000_000 + i * 10 + k);
      for (const id of ids) expect((await m.emitWithAck("room:join", { proposalId: p.id, clientId: id, protocol: PROTOCOL_VERSION })).ok).toBe(true);
      const res = await m.emitWithAck("awareness:update", { proposalId: p.id, update: awarenessUpdate(ids.map((clientId) => ({ clientId, clock: 1, state }))) });
      if (!res.ok) {
        expect(res.error.code).toBe("TOO_MUCH_PRESENCE");
        refusedForRoom++;
      }
    }
    expect(refusedForRoom).toBeGreaterThan(0);
    const newcomer = await socketOf(f.users.japan);
    const joined = await newcomer.emitWithAck("room:join", { proposalId: p.id, clientId: 6_000_001, protocol: PROTOCOL_VERSION });
    if (!joined.ok) throw new Error(joined.error.code);
    // Stamping adds each member's name and delegation to what they sent.
    expect(toUint8Array(joined.awareness).byteLength).toBeLessThanOrEqual(MAX_ROOM_PRESENCE_BYTES + 32 * 1024);

    // One user flooding presence from several sockets: the room hears at most the user's rate.
    const listener = await socketOf(f.users.chair);
    expect((await listener.emitWithAck("room:join", { proposalId: p.id, clientId: 6_000_002, protocol: PROTOCOL_VERSION })).ok).toBe(true);
    let heard = 0;
    listener.on("awareness:update", () => heard++);
    const flooders: ProviderSocket[] = [];
    for (let i = 0; i < 5; i++) {
      const fl = await socketOf(f.users.china);
      expect((await fl.emitWithAck("room:join", { proposalId: p.id, clientId: 7_000_000 + i, protocol: PROTOCOL_VERSION })).ok).toBe(true);
      flooders.push(fl);
    }
    const startedAt = Date.now();
    const sends: Promise<unknown>[] = [];
    for (let round = 0; round < 60; round++) {
      flooders.forEach((fl, i) => sends.push(fl.emitWithAck("awareness:update", { proposalId: p.id, update: awarenessUpdate([{ clientId: 7_000_000 + i, clock: round + 1, state: { cursor: round } }]) })));
    }
    await Promise.all(sends);
    const seconds = (Date.now() - startedAt) / 1000;
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toBeLessThanOrEqual(PRESENCE_RATE.capacity + Math.ceil(seconds * PRESENCE_RATE.perSecond) + 1);
    expect(heard).toBeGreaterThan(0);
  });
});
