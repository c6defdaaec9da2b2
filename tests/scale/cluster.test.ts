// Several server processes on PostgreSQL + Redis sharing rooms (npm run test:scale).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, openSocket, spawnServerProcess, startTestServer, textOf, type ServerProcess, type TestClient, type TestServer } from "../helpers/test-server";
import { ProposalProvider } from "../../lib/realtime/proposal-provider";
import { createDb } from "../../lib/db";
import { RoomRegistry } from "../../server/realtime/rooms";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { silentNotifier } from "../../server/services/live-notifier";
import { loadDocumentState } from "../../server/document-store/load-document";
import { docFromState, stateFromPmJson } from "../../lib/document/convert";
import { paragraphKeys } from "../../lib/document/clauses";
import { textBlocks } from "../../lib/document/anchors";
import { recordStartingDraft } from "../../server/document-store/starting-draft";
import { sendEvent } from "../helpers/amendment-client";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
if (!process.env.ACCORD_TEST_PG_URL) throw new Error("test:scale needs ACCORD_TEST_PG_URL (a PostgreSQL server) and REDIS_URL");

const secret = "scale-test-secret-scale-test-secret-1234";
let t: TestDb;
let f: Fixture;
let inProcess: TestServer; // a node in this process, so use cases can notify the cluster
const nodes: ServerProcess[] = [];
const clients: TestClient[] = [];

function para(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}
async function client(node: { url: string }, userId: string, proposalId = f.proposalId) {
  const c = await openClient({ url: node.url, secret }, userId, proposalId);
  clients.push(c);
  return c;
}

beforeAll(async () => {
  t = await createTestDb();
  f = await createFixture(t.db, "Base text.");
  for (let i = 0; i < 3; i++) nodes.push(await spawnServerProcess(t.url, secret, { REDIS_URL }));
  inProcess = await startTestServer({ db: t, secret, redisUrl: REDIS_URL });
});

afterAll(async () => {
  for (const c of clients) c.close();
  // Wait until they are gone: their connections must close before the database is dropped.
  await Promise.all(nodes.map((n) => n.stop("SIGKILL")));
  await inProcess.stop();
  await t.cleanup();
});

describe("several nodes", () => {
  it("converge when clients on different nodes edit one proposal at once", async () => {
    const writers = [
      await client(nodes[0]!, f.users.china),
      await client(nodes[1]!, f.users.japan),
      await client(nodes[2]!, f.users.china2),
      await client(nodes[1]!, f.users.chair),
    ];
    for (let round = 0; round < 25; round++) {
      for (const [i, w] of writers.entries()) {
        const text = para(w.doc);
        text.insert((round * 7 + i * 3) % (text.length + 1), `${i}${round % 10}`);
      }
      if (round % 5 === 0) await new Promise((r) => setTimeout(r, 10));
    }
    await Promise.all(writers.map((w) => w.provider.whenSaved()));
    await eventually(() => writers.every((w) => textOf(w.doc) === textOf(writers[0]!.doc)), "clients on all nodes to converge");
    // Every node's replica holds the same text: a newcomer on each node syncs it.
    for (const node of nodes) {
      const fresh = await client(node, f.users.observer);
      await eventually(() => textOf(fresh.doc) === textOf(writers[0]!.doc), `node ${node.url} to hold the text`);
    }
    const stored = docFromState((await loadDocumentState({ db: t.db, proposalId: f.proposalId })).state);
    expect(textOf(stored)).toBe(textOf(writers[0]!.doc));
  });

  it("shows presence across nodes", async () => {
    const a = await client(nodes[0]!, f.users.china);
    await client(nodes[2]!, f.users.japan);
    await eventually(() => [...a.provider.awareness.getStates().values()].some((s) => s.user?.name === "Sato Haruki"), "Japan's presence on node 1");
  });

  it("keeps a tab's presence on the other nodes while its node lives, and drops it everywhere once that node dies", async () => {
    // Tabs no longer renew their presence: the node holding a tab tells the others, every sweep.
    const doomed = await spawnServerProcess(t.url, secret, { REDIS_URL });
    nodes.push(doomed);
    const proposal = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "Presence across nodes", position: 6 } });
    await recordStartingDraft(t.db, { proposalId: proposal.id, state: stateFromPmJson({ type: "doc", content: [{ type: "paragraph" }] }), owner: { userId: f.users.chair, delegationId: null } });
    // Japan's tab arrives first and then sits still: this node loads the room afterwards, and
    // learns Japan's presence from the other node's next sweep, not from anything Japan sends.
    const there = await client(doomed, f.users.japan, proposal.id);
    const here = await client(inProcess, f.users.china, proposal.id);
    const id = there.doc.clientID;
    const meta = () => inProcess.server.rooms.peek(proposal.id)?.awareness.meta.get(id);
    await eventually(() => here.provider.awareness.getStates().has(id), "Japan's presence through the other node's sweep", 12_000);
    // As if last heard of 20 s ago: the other node's next sweep (every 5 s) marks it current.
    meta()!.lastUpdated -= 20_000;
    await eventually(() => Date.now() - meta()!.lastUpdated < 6000, "the other node to say Japan is still there", 12_000);

    // The node dies without a word: 30 s after its last sweep its tab's state expires here (aged
    // to that point), and this node tells its own tabs.
    await doomed.stop("SIGKILL");
    meta()!.lastUpdated -= 31_000;
    await eventually(() => !here.provider.awareness.getStates().has(id), "the dead node's tab to leave this tab's presence", 6000);
  });

  it("carries a lock decided on one node to editors on the others", async () => {
    const p = f.otherProposalId;
    const onNode2 = await client(nodes[1]!, f.users.japan, p);
    await changeProposalState({ db: t.db, live: inProcess.server.live, userId: f.users.chair, proposalId: p, change: "lock", now: new Date() });
    await eventually(() => onNode2.provider.edit.canEdit === false, "the lock to reach node 2");
    await changeProposalState({ db: t.db, live: inProcess.server.live, userId: f.users.chair, proposalId: p, change: "unlock", now: new Date() });
    await eventually(() => onNode2.provider.edit.canEdit === true, "the unlock to reach node 2");
  });

  it("carries a paragraph agreed on one node to every other: its editors there are refused, their tabs told", async () => {
    const state = stateFromPmJson({
      type: "doc",
      content: ["The Parties recall the treaty.", "The Parties agree to share data."].map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
    });
    const proposal = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "Agreed across nodes", position: 5 } });
    await recordStartingDraft(t.db, { proposalId: proposal.id, state, owner: { userId: f.users.chair, delegationId: null } });
    const chair = await client(nodes[0]!, f.users.chair, proposal.id);
    const japan = await client(nodes[1]!, f.users.japan, proposal.id);
    const watcher = await client(nodes[2]!, f.users.observer, proposal.id);
    const [first] = paragraphKeys(chair.doc);
    const set = await sendEvent<{ ok: boolean }>(chair, "clause:status", { proposalId: proposal.id, clauseKey: first!, status: "AGREED" });
    expect(set.ok).toBe(true);
    await eventually(() => watcher.provider.drafting.snapshot().clauses.get(first!)?.status === "AGREED", "the status to reach node 3's tab");

    // Japan, on another node, types into the agreed paragraph (as a tab that ignored its editor would).
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(japan.doc));
    const sv = Y.encodeStateVector(copy);
    textBlocks(copy)[0]!.insert(4, "typed anyway ");
    const update = Y.encodeStateAsUpdate(copy, sv);
    copy.destroy();
    // The nodes' relay of the agreed keys travels beside the tabs' event (another channel): a moment for it.
    await new Promise((r) => setTimeout(r, 300));
    const res = await sendEvent<{ ok: boolean; error?: { code: string } }>(japan, "doc:update", { proposalId: proposal.id, update });
    expect(res).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
    const stored = docFromState((await loadDocumentState({ db: t.db, proposalId: proposal.id })).state);
    expect(textOf(stored)).not.toContain("typed anyway");
  });

  it("leaves one ballot when two delegates of one delegation cast at the same instant through different nodes", async () => {
    const p = f.otherProposalId;
    const rooms = new RoomRegistry(t.db);
    const round = await openVoteRound({ db: t.db, rooms, live: silentNotifier, userId: f.users.chair, proposalId: p, input: { question: "Adopt?", rule: "MAJORITY", quorum: 1 }, now: new Date() });
    await rooms.closeAll();
    // Two processes = two connection pools to the same database.
    const nodeA = createDb(t.url);
    const nodeB = createDb(t.url);
    const results = await Promise.allSettled([
      castBallot({ db: nodeA, live: silentNotifier, userId: f.users.china, input: { roundId: round.id, choice: "YES" }, now: new Date() }),
      castBallot({ db: nodeB, live: silentNotifier, userId: f.users.china2, input: { roundId: round.id, choice: "NO" }, now: new Date() }),
    ]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "fulfilled"]);
    expect(await t.db.ballot.count({ where: { roundId: round.id } })).toBe(1);
    await nodeA.$disconnect();
    await nodeB.$disconnect();
  });

  it("loses no acknowledged edit when a node is killed mid-session, and its clients carry on elsewhere", async () => {
    const victim = nodes[1]!;
    const survivor = await client(nodes[0]!, f.users.china);
    const onVictim = await client(victim, f.users.japan);
    for (let i = 0; i < 20; i++) para(onVictim.doc).insert(0, `v${i};`);
    await onVictim.provider.whenSaved();
    const acknowledged = textOf(onVictim.doc);
    victim.child.kill("SIGKILL");
    await eventually(() => onVictim.provider.status === "offline", "the client to notice its node died");
    para(onVictim.doc).insert(0, "typed-while-node-down;");
    // Reconnect to another node with the same document (a load balancer would do this).
    onVictim.provider.destroy();
    const socket = await openSocket({ url: nodes[2]!.url, secret }, f.users.japan);
    const moved = new ProposalProvider(socket, f.proposalId, { doc: onVictim.doc });
    await moved.whenSynced();
    await moved.whenSaved();
    await eventually(() => textOf(survivor.doc) === textOf(onVictim.doc), "the survivor node's client to see everything");
    for (let i = 0; i < 20; i++) expect(textOf(survivor.doc)).toContain(`v${i};`);
    expect(textOf(survivor.doc)).toContain("typed-while-node-down;");
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = textOf(docFromState((await loadDocumentState({ db: t.db, proposalId: f.proposalId })).state));
    expect(stored).toContain("typed-while-node-down;");
    moved.destroy();
    socket.disconnect();
  });

  it("a node started late loads the room from the database and catches up", async () => {
    const late = await spawnServerProcess(t.url, secret, { REDIS_URL });
    nodes.push(late);
    const reference = await client(nodes[0]!, f.users.observer);
    const newcomer = await client(late, f.users.china);
    expect(textOf(newcomer.doc)).toBe(textOf(reference.doc));
    para(newcomer.doc).insert(0, "from-the-late-node;");
    await newcomer.provider.whenSaved();
    await eventually(() => textOf(reference.doc).includes("from-the-late-node;"), "the late node's edit to reach node 1");
  });
});
