// A cluster's edges (issue 22): relays between nodes are authenticated (a message published on
// the Redis by anyone without ACCORD_CLUSTER_SECRET changes nothing), nodes started together
// on a fresh database all come up, and two nodes compacting one proposal at once do so quietly.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Redis } from "ioredis";
import { encode as msgpack } from "notepack.io";
import * as Y from "yjs";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, spawnServerProcess, startTestServer, textOf, type ServerProcess, type TestClient, type TestServer } from "../helpers/test-server";
import { sendEvent } from "../helpers/amendment-client";
import { createDb, type Db } from "../../lib/db";
import { createScratchDatabase } from "../../lib/pg-scratch-database";
import { roomKey } from "../../server/realtime/room";
import { seal } from "../../server/realtime/cluster-seal";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { loadDocumentState } from "../../server/document-store/load-document";
import { prismaSink } from "../../server/document-store/journal-sinks";
import { prismaCheckpoints } from "../../server/document-store/prisma-checkpoints";
import { closeFoldPool, foldOffThread } from "../../server/compute/fold-pool";
import { docFromState, stateFromPmJson } from "../../lib/document/convert";
import { recordStartingDraft } from "../../server/document-store/starting-draft";
import { textBlocks } from "../../lib/document/anchors";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const PG_SERVER = process.env.ACCORD_TEST_PG_URL?.replace(/\/$/, "");
if (!PG_SERVER) throw new Error("test:scale needs ACCORD_TEST_PG_URL (a PostgreSQL server) and REDIS_URL");

// socket.io's Redis adapter, namespace "/": where nodes publish (see @socket.io/redis-adapter).
const REQUEST_CHANNEL = "socket.io-request#/#";
const SERVER_SIDE_EMIT = 6;
const EVENT_PACKET = 2;

const secret = "hardening-test-secret-hardening-test-secret";
const WRONG_CLUSTER_SECRET = "not-the-cluster-secret-not-the-cluster-secret";

let t: TestDb;
let f: Fixture;
let here: TestServer; // in this process: use cases run here and relay to the other node
let other: ServerProcess; // the node under attack: it hears both the relays and the forgeries
const clients: TestClient[] = [];
const redisClients: Redis[] = [];
const dbs: Db[] = [];

async function client(node: { url: string }, userId: string, proposalId: string) {
  const c = await openClient({ url: node.url, secret }, userId, proposalId);
  clients.push(c);
  return c;
}
function redis(): Redis {
  const r = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  redisClients.push(r);
  return r;
}
/** A node-to-node event as cluster.ts sends it (serverSideEmit), unsealed. */
function serverSideEmit(event: string, ...args: unknown[]): string {
  return JSON.stringify({ uid: "forger", type: SERVER_SIDE_EMIT, data: [event, ...args] });
}
/** The Yjs update that inserts `text` at the start of the first paragraph of `doc`'s text. */
function insertion(doc: Y.Doc, text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const sv = Y.encodeStateVector(copy);
  textBlocks(copy)[0]!.insert(0, text);
  const update = Y.encodeStateAsUpdate(copy, sv);
  copy.destroy();
  return update;
}
const b64 = (u: Uint8Array) => Buffer.from(u).toString("base64");

beforeAll(async () => {
  t = await createTestDb();
  f = await createFixture(t.db, "Base text.");
  other = await spawnServerProcess(t.url, secret, { REDIS_URL });
  here = await startTestServer({ db: t, secret, redisUrl: REDIS_URL });
});

afterAll(async () => {
  for (const c of clients) c.close();
  await Promise.allSettled(redisClients.map((r) => r.quit()));
  await Promise.allSettled(dbs.map((d) => d.$disconnect()));
  await other?.stop("SIGKILL");
  await here?.stop();
  await t?.cleanup();
  await closeFoldPool();
});

describe("relays between nodes", () => {
  it("ignore what anyone without the cluster secret publishes on the Redis: a proposal under vote stays closed, no text reaches an editor", async () => {
    const voting = f.proposalId;
    const drafting = f.otherProposalId;
    const watcher = await client(other, f.users.japan, voting);
    await eventually(() => watcher.provider.edit.canEdit, "Japan to be able to edit at first");

    // A recording of the nodes' own traffic (a lock and an unlock), to replay later.
    const recorder = redis();
    const recorded: Buffer[] = [];
    recorder.on("messageBuffer", (_channel: Buffer, message: Buffer) => recorded.push(message));
    await recorder.subscribe(REQUEST_CHANNEL);
    await changeProposalState({ db: t.db, live: here.server.live, userId: f.users.chair, proposalId: voting, change: "lock", now: new Date() });
    await eventually(() => !watcher.provider.edit.canEdit, "the lock to reach the other node");
    await changeProposalState({ db: t.db, live: here.server.live, userId: f.users.chair, proposalId: voting, change: "unlock", now: new Date() });
    await eventually(() => watcher.provider.edit.canEdit, "the unlock to reach the other node");
    // Unsubscribed at once: socket.io counts the channel's subscribers as nodes (attendance asks wait for each).
    await recorder.unsubscribe(REQUEST_CHANNEL);
    const reopen = recorded.find((m) => m.includes(`"node:state","${voting}","DRAFTING"`));
    expect(reopen, "the relayed unlock was recorded").toBeDefined();

    // The vote opens (a genuine relay): the other node's editors are refused.
    await openVoteRound({ db: t.db, rooms: here.server.rooms, live: here.server.live, userId: f.users.chair, proposalId: voting, input: { question: "Adopt?", rule: "MAJORITY", quorum: 1 }, now: new Date() });
    await eventually(() => watcher.provider.state === "VOTING" && !watcher.provider.edit.canEdit, "the vote to reach the other node");

    const editor = await client(other, f.users.japan, drafting);
    const writer = await client(here, f.users.china, drafting);
    await eventually(() => editor.provider.edit.canEdit && writer.provider.edit.canEdit, "both to edit the drafting proposal");

    // A genuine relay published after the forgeries: once it has arrived, so had they.
    let genuine = 0;
    async function afterAGenuineEdit() {
      const marker = `GENUINE-${++genuine} `;
      textBlocks(writer.doc)[0]!.insert(0, marker);
      await writer.provider.whenSaved();
      await eventually(() => textOf(editor.doc).includes(marker), `genuine edit ${genuine} to reach the other node`);
      await new Promise((r) => setTimeout(r, 300));
    }
    async function expectNothingForged() {
      expect(watcher.provider.state).toBe("VOTING");
      expect(watcher.provider.edit.canEdit).toBe(false);
      for (const c of [editor, writer, watcher]) expect(textOf(c.doc)).not.toContain("FORGED");
    }

    // 1. Node-to-node events (cluster.ts, serverSideEmit on the adapter's request channel).
    const forger = redis();
    const reopenMsg = serverSideEmit("node:state", voting, "DRAFTING");
    const textMsg = serverSideEmit("node:doc", drafting, b64(insertion(editor.doc, "FORGED-TEXT ")));
    const votingText = serverSideEmit("node:doc", voting, b64(insertion(watcher.doc, "FORGED-VOTE ")));
    for (const message of [reopenMsg, textMsg, votingText]) {
      await forger.publish(REQUEST_CHANNEL, message); // no MAC
      await forger.publish(REQUEST_CHANNEL, seal(WRONG_CLUSTER_SECRET, REQUEST_CHANNEL, message)); // a wrong MAC
    }
    await forger.publish(REQUEST_CHANNEL, reopen!); // a genuine message, replayed
    await afterAGenuineEdit();
    await expectNothingForged();

    // 2. A room broadcast straight to the clients (the adapter's own channel, msgpack as it encodes).
    const roomChannel = `socket.io#/#${roomKey(voting)}#`;
    const broadcast = msgpack([
      "forger",
      { type: EVENT_PACKET, nsp: "/", data: ["room:state", { proposalId: voting, state: "DRAFTING", edit: { canEdit: true } }] },
      { rooms: [roomKey(voting)], except: [] },
    ]) as Buffer;
    await forger.publish(roomChannel, broadcast);
    await forger.publish(roomChannel, seal(WRONG_CLUSTER_SECRET, roomChannel, broadcast)); // (to an unsealing node: not msgpack)
    await afterAGenuineEdit();
    await expectNothingForged();

    // The node itself still refuses edits to the proposal under vote.
    const refused = await sendEvent<{ ok: boolean; error?: { code: string } }>(watcher, "doc:update", { proposalId: voting, update: insertion(watcher.doc, "typed anyway ") });
    expect(refused.ok).toBe(false);
    await new Promise((r) => setTimeout(r, 300));
    for (const c of [editor, writer, watcher]) expect(textOf(c.doc)).not.toContain("typed anyway");
    // A newcomer on the attacked node loads its replica: nothing forged there either.
    const newcomer = await client(other, f.users.observer, drafting);
    expect(textOf(newcomer.doc)).toContain("GENUINE-2");
    expect(textOf(newcomer.doc)).not.toContain("FORGED");
    for (const p of [voting, drafting]) {
      expect(textOf(docFromState((await loadDocumentState({ db: t.db, proposalId: p })).state))).not.toContain("FORGED");
    }
  });
});

describe("nodes started together on a fresh database", () => {
  it("all come up: one applies the migrations, the others wait for it and find nothing left", async () => {
    const fresh = await createScratchDatabase(PG_SERVER, "accord_test");
    const started: ServerProcess[] = [];
    const outputs = ["", ""];
    try {
      const results = await Promise.allSettled(
        outputs.map((_, i) =>
          spawnServerProcess(fresh.url, secret, { REDIS_URL, ACCORD_TEST_MIGRATE: "1" }, { readyMs: 110_000, onOutput: (text) => (outputs[i] += text) }),
        ),
      );
      for (const r of results) if (r.status === "fulfilled") started.push(r.value);
      expect(results.map((r) => r.status), outputs.join("\n---\n")).toEqual(["fulfilled", "fulfilled"]);
      // Both serve: a fixture in the migrated database, a client synced on each.
      const db = createDb(fresh.url);
      dbs.push(db);
      const fx = await createFixture(db, "Fresh start.");
      for (const node of started) {
        const c = await client(node, fx.users.china, fx.proposalId);
        expect(textOf(c.doc)).toContain("Fresh start.");
      }
      const applied = await db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`);
      const failed = await db.$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NULL`);
      expect(applied[0]!.n).toBeGreaterThan(0);
      expect(failed[0]!.n).toBe(0);
    } finally {
      for (const c of clients.splice(0)) c.close();
      await Promise.all(started.map((n) => n.stop("SIGKILL")));
      await Promise.allSettled(dbs.splice(0).map((d) => d.$disconnect()));
      await fresh.drop();
    }
  });
});

describe("two nodes compacting one proposal at once", () => {
  /** Journal rows on `proposalId`, each inserting one marker (as editors' updates would). */
  async function journal(db: Db, proposalId: string, markers: string[]): Promise<void> {
    const doc = docFromState((await loadDocumentState({ db, proposalId })).state);
    const sink = prismaSink(db);
    for (const marker of markers) {
      const before = Y.encodeStateVector(doc);
      const fragment = doc.getXmlFragment("default");
      if (fragment.length === 0) {
        const p = new Y.XmlElement("paragraph");
        p.insert(0, [new Y.XmlText("")]);
        fragment.insert(0, [p]);
      }
      textBlocks(doc)[0]!.insert(0, `${marker} `);
      await sink.write([{ proposalId, update: Y.encodeStateAsUpdate(doc, before), userId: null, delegationId: null, clientId: null }]);
    }
  }

  it("one swap wins, the other writes nothing and fails nothing; no edit is lost", async () => {
    // Two connection pools on one database: two nodes.
    const nodeA = createDb(t.url);
    const nodeB = createDb(t.url);
    dbs.push(nodeA, nodeB);
    // Proposals no node has open (no room of theirs compacts meanwhile).
    const withDraft = (await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "Compacted twice, drafted", position: 8 } })).id;
    await recordStartingDraft(t.db, { proposalId: withDraft, state: stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Draft." }] }] }), owner: null }); // a checkpoint
    const blank = (await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "Compacted twice", position: 9 } })).id; // none yet
    const markers: string[] = [];
    for (const proposalId of [blank, withDraft]) {
      for (let round = 0; round < 4; round++) {
        const batch = Array.from({ length: 5 }, (_, i) => `m-${proposalId.slice(-4)}-${round}-${i}`);
        markers.push(...batch);
        await journal(t.db, proposalId, batch);
        if (round % 2 === 0) {
          // Both read the same checkpoint and rows, fold them, and swap at the same moment.
          const stores = [prismaCheckpoints(nodeA), prismaCheckpoints(nodeB)];
          const [seenA, seenB] = await Promise.all(stores.map((s) => s.oldest(proposalId, 5000)));
          const folded = await foldOffThread(seenA!.previous, seenA!.rows.map((r) => r.update));
          const swaps = await Promise.allSettled([
            stores[0]!.swap(proposalId, { previousId: seenA!.previous?.id ?? null, next: folded, rowIds: seenA!.rows.map((r) => r.id) }),
            stores[1]!.swap(proposalId, { previousId: seenB!.previous?.id ?? null, next: folded, rowIds: seenB!.rows.map((r) => r.id) }),
          ]);
          expect(swaps.map((s) => s.status), JSON.stringify(swaps.map((s) => (s.status === "rejected" ? String(s.reason) : s.value)))).toEqual(["fulfilled", "fulfilled"]);
          expect(swaps.map((s) => (s as PromiseFulfilledResult<boolean>).value).sort()).toEqual([false, true]);
        } else {
          // As the nodes' sinks run it (each unloading the room).
          const both = await Promise.allSettled([prismaSink(nodeA).compact(proposalId), prismaSink(nodeB).compact(proposalId)]);
          expect(both.map((s) => s.status), JSON.stringify(both.map((s) => (s.status === "rejected" ? String(s.reason) : s.value)))).toEqual(["fulfilled", "fulfilled"]);
        }
        expect(await t.db.documentCheckpoint.count({ where: { proposalId } })).toBe(1);
      }
      const stored = textOf(docFromState((await loadDocumentState({ db: t.db, proposalId })).state));
      for (const m of markers.filter((x) => x.startsWith(`m-${proposalId.slice(-4)}-`))) expect(stored).toContain(m);
    }
  });
});
