// Two nodes on PostgreSQL, their Redis stopped mid-session (npm run test:scale). Redis only
// carries messages between the nodes: while it is down each node goes on storing its own
// editors' changes, and once it is back every node must hold every acknowledged edit again, and
// a lock or a vote decided on one node during the outage must hold on the other, which has not
// heard of it. The Redis here is a private one on a port of its own, so the other suites, which
// share the machine's Redis, are not disturbed.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, spawnServerProcess, startTestServer, stopChild, textOf, type ServerProcess, type TestServer } from "../helpers/test-server";
import { Typist } from "../helpers/typist";
import { docFromState } from "../../lib/document/convert";
import { loadDocumentState } from "../../server/document-store/load-document";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { readVersionContent } from "../../server/services/history/version-store";

if (!process.env.ACCORD_TEST_PG_URL) throw new Error("test:scale needs ACCORD_TEST_PG_URL (a PostgreSQL server)");

const OUTAGE_MS = 10_000;
const TYPE_EVERY_MS = 40;
const secret = "outage-test-secret-outage-test-secret-12";

let t: TestDb;
let f: Fixture;
let redis: { child: ChildProcess; port: number };
let here: TestServer; // in this process: the chair's use cases run here
let other: ServerProcess; // hears of them only through Redis
const typists: Typist[] = [];

async function freePort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}

/** A Redis of this suite's own (nothing kept on disk), ready to accept connections. */
async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start")), 10_000);
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code})`)));
  });
  return child;
}

/** Tokens of changes the server refused (they are dropped, never "saved", whatever the status says). */
function refusedTokens(typist: Typist): Set<string> {
  const refused = new Set<string>();
  typist.provider!.on("refused", (_error, update) => {
    const strings = Y.decodeUpdate(update)
      .structs.map((s) => (s as { content?: { str?: string } }).content?.str ?? "")
      .join("");
    for (const token of typist.typed) if (strings.includes(token)) refused.add(token);
  });
  return refused;
}

const refusals = new Map<Typist, Set<string>>();
/** Every token some editor was told is saved, and was not refused. */
function acknowledged(): string[] {
  return typists.flatMap((ty) => [...ty.acknowledged].filter((token) => !refusals.get(ty)!.has(token)));
}

async function typeFor(ms: number): Promise<void> {
  const stopAt = Date.now() + ms;
  while (Date.now() < stopAt) {
    for (const ty of typists) ty.type();
    await new Promise((r) => setTimeout(r, TYPE_EVERY_MS));
  }
}

async function storedText(): Promise<string> {
  return textOf(docFromState((await loadDocumentState({ db: t.db, proposalId: f.proposalId })).state));
}

/** What a tab opened now on `node` reads (the node's room, loaded or not). */
async function freshText(node: { url: string }): Promise<string> {
  const c = await openClient({ url: node.url, secret }, f.users.observer, f.proposalId);
  try {
    return textOf(c.doc);
  } finally {
    c.close();
  }
}

const missingFrom = (text: string, tokens: string[]) => tokens.filter((token) => !text.includes(token));

/** Polls `read` every 250 ms until it gives a value, for at most 20 s; then the last reading's check fails. */
async function until<T>(read: () => Promise<T | null>, ms = 20_000): Promise<T> {
  const stopAt = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (value !== null || Date.now() > stopAt) {
      if (value === null) throw new Error("not reached in time");
      return value;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** Both nodes' fresh tabs read the same text (relays of the last saves may still be on their way). */
async function sameOnBothNodes(): Promise<string> {
  return until(async () => {
    const [a, b] = [await freshText(here), await freshText(other)];
    return a === b ? a : null;
  });
}

beforeAll(async () => {
  redis = { port: await freePort(), child: null as unknown as ChildProcess };
  redis.child = await startRedis(redis.port);
  const redisUrl = `redis://127.0.0.1:${redis.port}`;
  t = await createTestDb();
  f = await createFixture(t.db, "Start.");
  other = await spawnServerProcess(t.url, secret, { REDIS_URL: redisUrl });
  here = await startTestServer({ db: t, secret, redisUrl });
  const seats: Array<[string, { url: string }]> = [
    [f.users.china, here],
    [f.users.japan, here],
    [f.users.china2, other],
    [f.users.chair, other],
  ];
  for (const [i, [userId, node]] of seats.entries()) {
    const ty = new Typist(`n${node === here ? "A" : "B"}t${i}k`);
    await ty.connect(node.url, secret, userId, f.proposalId);
    refusals.set(ty, refusedTokens(ty));
    typists.push(ty);
  }
});

afterAll(async () => {
  for (const ty of typists) ty.disconnect();
  await other?.stop("SIGKILL");
  await here?.stop();
  if (redis?.child) await stopChild(redis.child, "SIGKILL");
  await t?.cleanup();
});

async function stopRedis(): Promise<void> {
  await stopChild(redis.child, "SIGKILL");
}
async function restartRedis(): Promise<void> {
  redis.child = await startRedis(redis.port);
}

describe(`Redis stopped for ${OUTAGE_MS / 1000} s under two nodes`, () => {
  it("every acknowledged edit is on both nodes and in the database once it is back", async () => {
    await typeFor(1500);
    await Promise.all(typists.map((ty) => ty.provider!.whenSaved()));

    await stopRedis();
    await typeFor(OUTAGE_MS);
    await Promise.all(typists.map((ty) => ty.provider!.whenSaved()));
    // During the outage each node stored its own editors' changes and could not pass them on.
    const duringOutage = acknowledged();
    await restartRedis();

    // No one types now: only the re-sync can bring each node what the other stored meanwhile.
    const [a, b] = await until(async () => {
      const texts = [await freshText(here), await freshText(other)] as const;
      return texts.every((text) => missingFrom(text, duringOutage).length === 0) ? texts : null;
    });
    expect(missingFrom(a, duringOutage), "missing on the node in this process").toEqual([]);
    expect(missingFrom(b, duringOutage), "missing on the other node").toEqual([]);
    // Their editors too: each tab on one node sees what was typed on the other.
    const all = acknowledged();
    await eventually(() => typists.every((ty) => missingFrom(textOf(ty.doc), all).length === 0), "every editor to see every acknowledged edit", 20_000);

    await typeFor(1500);
    await Promise.all(typists.map((ty) => ty.provider!.whenSaved()));
    const everything = acknowledged();
    expect(everything.length).toBeGreaterThan(400);
    expect(missingFrom(await storedText(), everything)).toEqual([]);
    expect(missingFrom(await sameOnBothNodes(), everything)).toEqual([]);
  });

  it("a lock and a vote decided on one node during the outage hold on the other; the vote freezes every stored edit", async () => {
    await Promise.all(typists.map((ty) => ty.provider!.whenSaved()));
    await stopRedis();
    await typeFor(2000);

    // The chair locks through this node; the other node cannot hear of it.
    await changeProposalState({ db: t.db, live: here.server.live, userId: f.users.chair, proposalId: f.proposalId, change: "lock", now: new Date() });
    const atLock = await storedText();
    await typeFor(2000);
    // Nothing typed after the lock was stored, on either node.
    expect(await storedText()).toBe(atLock);

    // The vote, opened through this node, freezes the stored text: every acknowledged edit of both nodes.
    const round = await openVoteRound({ db: t.db, rooms: here.server.rooms, live: here.server.live, userId: f.users.chair, proposalId: f.proposalId, input: { question: "Adopt?", rule: "MAJORITY", quorum: 1 }, now: new Date() });
    await typeFor(2000);
    const { number } = await t.db.version.findFirstOrThrow({ where: { voteRounds: { some: { id: round.id } } }, select: { number: true } });
    const frozen = (await readVersionContent(t.db, f.proposalId, number))!;
    const stored = await storedText();
    expect(stored).toBe(atLock);
    // Every change any editor was told is saved, whenever it was told, is in the frozen text.
    const saved = acknowledged();
    expect(saved.length).toBeGreaterThan(100);
    expect(missingFrom(frozen.text, saved)).toEqual([]);
    expect(missingFrom(stored, saved)).toEqual([]);
    // The other node's editors typed on as if nothing had happened until the database turned
    // their changes down; their tabs then joined again and show drafting closed (locked, or
    // under vote if they joined after it), Redis still down. What they typed meanwhile stays in
    // their tabs, unsaved.
    for (const ty of typists.filter((ty) => ty.name.startsWith("nB"))) {
      expect(["LOCKED", "VOTING"], ty.name).toContain(ty.provider!.state);
      expect(ty.provider!.edit.canEdit, ty.name).toBe(false);
      expect(ty.provider!.status, ty.name).not.toBe("saved");
    }

    await new Promise((r) => setTimeout(r, 2000));
    await restartRedis();
    await eventually(() => typists.every((ty) => ty.provider!.state === "VOTING" && !ty.provider!.edit.canEdit), "every editor to show the vote", 20_000);
    expect(await sameOnBothNodes()).toBe(stored);

    // Cancelled and unlocked (through this node), drafting goes on everywhere.
    await closeVoteRound({ db: t.db, live: here.server.live, userId: f.users.chair, roundId: round.id, cancel: true, now: new Date() });
    await changeProposalState({ db: t.db, live: here.server.live, userId: f.users.chair, proposalId: f.proposalId, change: "unlock", now: new Date() });
    await eventually(() => typists.every((ty) => ty.provider!.edit.canEdit), "every editor to be able to edit again", 20_000);
    const before = new Set(acknowledged());
    await typeFor(1000);
    await Promise.all(typists.map((ty) => ty.provider!.whenSaved()));
    const after = acknowledged().filter((token) => !before.has(token));
    expect(after.length).toBeGreaterThan(20);
    expect(missingFrom(await storedText(), acknowledged())).toEqual([]);
    expect(missingFrom(await sameOnBothNodes(), acknowledged())).toEqual([]);
  });
});
