// The typing path of "Amendments only" (server/realtime/amendment-revisions.ts): a delegate's
// revisions of their own open amendment are authorized from the room session, relayed at once
// and stored in group commits. What must hold: other tabs see each revision and the database
// has it once the put is answered — never before (a locked database delays the answer, or turns
// it into UNAVAILABLE); a revision that lost a race with a decision, a lock or a vote is refused
// and nothing of it is stored, however stale the room's memory; nobody but the author revises;
// a delegate removed, made an observer, or facing a locked text or a vote cannot revise.
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors";
import type { AmendmentView } from "../../lib/protocol";
import { changeMember } from "../../server/services/people/change-member";
import { removeMember } from "../../server/services/people/remove-member";
import { MAX_REVISION_WAIT_MS } from "../../server/realtime/amendment-revisions";
import { prismaRevisionStore, sqliteRevisionStore, type Revision } from "../../server/services/amendments/store-revisions";
import { around, sendEvent } from "../helpers/amendment-client";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { eventually, openClient, startTestServer, type TestClient, type TestServer } from "../helpers/test-server";

let s: TestServer;
let database: TestDb;
const open: TestClient[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  // SQLite: one test holds its write lock from another process.
  database = await createTestDb({ engine: "sqlite" });
  s = await startTestServer({ db: database });
});
afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  for (const c of open) c.close();
  await s.close();
});

const OPENING = "The Parties agree to cooperate on public health and to share data every month.";

type Ack = { ok: boolean; error?: { code: string; message: string }; amendment?: AmendmentView | null };

async function client(userId: string, proposalId: string): Promise<TestClient> {
  const c = await openClient(s, userId, proposalId);
  open.push(c);
  return c;
}

function send(c: TestClient, event: string, payload: Record<string, unknown>, ms = 15_000): Promise<Ack> {
  return sendEvent<Ack>(c, event, payload, ms);
}


let keys = 0;
const newKey = () => `fast-${Date.now().toString(36)}-${keys++}`;

/** A typist's amendment: proposed (slow path), then revised as they type. */
function typing(c: TestClient, proposalId: string, passage: string) {
  const key = newKey();
  const anchors = around(c.doc, passage);
  return { key, put: (insert: string, by: TestClient = c) => send(by, "amendment:put", { proposalId, key, ...anchors, insert }) };
}

const fastRevisions = () => s.server.rooms.revisions.stats.revisions;
/** Revisions the database refused on the fast path (its conditional write). */
const refusedByStore = () => s.server.rooms.revisions.stats.refused;

function seenBy(c: TestClient, id: string): AmendmentView | undefined {
  return c.provider.annotations.snapshot().amendments.find((a) => a.id === id);
}

async function stored(id: string) {
  return s.db.amendment.findUniqueOrThrow({ where: { id } });
}

async function setState(proposalId: string, state: "DRAFTING" | "LOCKED" | "VOTING", opts: { tellRoom: boolean }): Promise<void> {
  await s.db.proposal.update({ where: { id: proposalId }, data: { state } });
  if (opts.tellRoom) s.server.live.proposalState(proposalId, state);
}

describe("revising one's own open amendment", () => {
  let f: Fixture;
  let chair: TestClient, china: TestClient, japan: TestClient, watcher: TestClient;
  beforeAll(async () => {
    f = await createFixture(s.db, OPENING);
    chair = await client(f.users.chair, f.proposalId);
    china = await client(f.users.china, f.proposalId);
    japan = await client(f.users.japan, f.proposalId);
    watcher = await client(f.users.observer, f.proposalId);
    await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" });
  });

  it("reaches every other tab and is stored once answered", async () => {
    const t = typing(china, f.proposalId, "agree");
    const created = await t.put("u");
    expect(created).toMatchObject({ ok: true, amendment: { insert: "u", status: "OPEN" } });
    const id = created.amendment!.id;
    const before = fastRevisions();
    for (const insert of ["un", "und", "unde", "under", "undertake"]) {
      const res = await t.put(insert);
      expect(res).toMatchObject({ ok: true, amendment: { id, insert, passage: "agree", status: "OPEN", delegation: { code: "CHN" }, author: { id: f.users.china } } });
      // Answered: in the database.
      expect((await stored(id)).insertText).toBe(insert);
    }
    expect(fastRevisions() - before).toBe(5);
    for (const c of [chair, japan, watcher]) await eventually(() => seenBy(c, id)?.insert === "undertake", "the revision to reach every other tab");
    // Text the use case refuses is refused here too, and not relayed.
    expect(await t.put("under\ntake")).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    // Sent again as is (the answer was lost): the same answer.
    expect(await t.put("undertake")).toMatchObject({ ok: true, amendment: { id, insert: "undertake" } });
    expect(await s.db.amendment.count({ where: { proposalId: f.proposalId, key: t.key } })).toBe(1);
  });

  it("is the author's alone: another delegation's delegate and the author's colleague are refused, nothing stored", async () => {
    const t = typing(china, f.proposalId, "cooperate");
    const id = (await t.put("collaborate")).amendment!.id;
    expect(await t.put("collaborate closely")).toMatchObject({ ok: true });
    const china2 = await client(f.users.china2, f.proposalId);
    expect(await t.put("hijacked", japan)).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
    expect(await t.put("colleague", china2)).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
    expect(await t.put("observed", watcher)).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await stored(id)).insertText).toBe("collaborate closely");
    await new Promise((r) => setTimeout(r, 100));
    expect(seenBy(chair, id)?.insert).toBe("collaborate closely");
  });

  it("a revision of an amendment withdrawn or accepted meanwhile (the room not told) is refused NOT_OPEN, nothing stored, every tab corrected", async () => {
    for (const status of ["WITHDRAWN", "ACCEPTED"] as const) {
      const t = typing(china, f.proposalId, "share data");
      const id = (await t.put("exchange")).amendment!.id;
      expect(await t.put("exchange data")).toMatchObject({ ok: true });
      // Decided behind the room's back: its memory still says OPEN.
      await s.db.amendment.update({ where: { id }, data: { status } });
      const refused = refusedByStore();
      expect(await t.put("exchange data freely")).toMatchObject({ ok: false, error: { code: "NOT_OPEN" } });
      expect(refusedByStore()).toBe(refused + 1);
      expect(await stored(id)).toMatchObject({ status, insertText: "exchange data" });
      for (const c of [chair, japan]) await eventually(() => seenBy(c, id)?.status === status && seenBy(c, id)?.insert === "exchange data", "every tab to be sent the amendment as stored");
      // The room now knows: the next put is refused by the slow path, and still stores nothing.
      expect(await t.put("exchange data at will")).toMatchObject({ ok: false, error: { code: "NOT_OPEN" } });
      expect((await stored(id)).insertText).toBe("exchange data");
    }
  });

  it("a revision that meets a lock the room has not heard of is refused WRONG_STATE and not stored", async () => {
    const t = typing(china, f.proposalId, "every month");
    const id = (await t.put("every week")).amendment!.id;
    expect(await t.put("every weekday")).toMatchObject({ ok: true });
    await setState(f.proposalId, "LOCKED", { tellRoom: false });
    try {
      const refused = refusedByStore();
      expect(await t.put("every working day")).toMatchObject({ ok: false, error: { code: "WRONG_STATE" } });
      expect(refusedByStore()).toBe(refused + 1);
      expect((await stored(id)).insertText).toBe("every weekday");
      await eventually(() => seenBy(japan, id)?.insert === "every weekday", "the other tabs to be sent the amendment as stored");
    } finally {
      await setState(f.proposalId, "DRAFTING", { tellRoom: false });
    }
  });

  it("refuses revisions while drafting is locked or a vote is open", async () => {
    const t = typing(china, f.proposalId, "public health");
    const id = (await t.put("global health")).amendment!.id;
    expect(await t.put("global public health")).toMatchObject({ ok: true });
    for (const state of ["LOCKED", "VOTING"] as const) {
      await setState(f.proposalId, state, { tellRoom: true });
      try {
        expect(await t.put(`health (${state})`)).toMatchObject({ ok: false, error: { code: "WRONG_STATE" } });
        expect((await stored(id)).insertText).toBe("global public health");
      } finally {
        await setState(f.proposalId, "DRAFTING", { tellRoom: true });
      }
    }
    expect(await t.put("global public health again")).toMatchObject({ ok: true });
  });

  it("an amendment with a stance on it: the revision clears the stance (the slow path says so)", async () => {
    const t = typing(china, f.proposalId, "The Parties");
    const id = (await t.put("The States")).amendment!.id;
    expect(await send(japan, "amendment:stance", { proposalId: f.proposalId, amendmentId: id, stance: "SUPPORT" })).toMatchObject({ ok: true });
    expect(await t.put("The Member States")).toMatchObject({ ok: true, amendment: { insert: "The Member States", stances: [] } });
    expect(await s.db.amendmentStance.count({ where: { amendmentId: id } })).toBe(0);
    await eventually(() => seenBy(japan, id)?.stances.length === 0 && seenBy(japan, id)?.insert === "The Member States", "the cleared stance to reach the tabs");
  });
});

describe("access changes", () => {
  it("a delegate made an observer, or removed from the workshop, can no longer revise", async () => {
    const f = await createFixture(s.db, OPENING);
    const chair = await client(f.users.chair, f.proposalId);
    await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" });
    const china = await client(f.users.china, f.proposalId);
    const japan = await client(f.users.japan, f.proposalId);
    const c = typing(china, f.proposalId, "agree");
    const cid = (await c.put("consent")).amendment!.id;
    expect(await c.put("consent to")).toMatchObject({ ok: true });
    const j = typing(japan, f.proposalId, "cooperate");
    const jid = (await j.put("work")).amendment!.id;
    expect(await j.put("work together")).toMatchObject({ ok: true });

    const told = (t: TestClient) => new Promise<void>((r) => t.socket.once("access:changed" as never, (() => r()) as never));
    const chinaTold = told(china);
    await changeMember({ db: s.db, live: s.server.live, userId: f.users.chair, workshopId: f.workshopId, memberUserId: f.users.china, input: { role: "OBSERVER", delegationId: null } });
    await chinaTold;
    expect(await c.put("consent to it")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect((await stored(cid)).insertText).toBe("consent to");

    const japanTold = told(japan);
    await removeMember({ db: s.db, live: s.server.live, userId: f.users.chair, workshopId: f.workshopId, memberUserId: f.users.japan, now: new Date() });
    await japanTold;
    expect(await j.put("work together closely")).toMatchObject({ ok: false, error: { code: "NOT_JOINED" } });
    expect((await stored(jid)).insertText).toBe("work together");
  });
});

/** Another process takes the database's write lock for `ms` (tests/helpers/sqlite-locker.ts). */
async function lockDatabase(ms: number): Promise<{ released: Promise<number> }> {
  const file = database.url.replace(/^file:/, "");
  const locker = spawn(process.execPath, ["--import", "tsx", "tests/helpers/sqlite-locker.ts", file, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
  children.push(locker);
  const released = new Promise<number>((r) => locker.once("exit", () => r(Date.now())));
  await new Promise<void>((resolve, reject) => {
    locker.stdout!.on("data", (b: Buffer) => b.toString().includes("LOCKED") && resolve());
    locker.once("exit", (code) => reject(new Error(`locker exited early (${code})`)));
  });
  return { released };
}

describe("durability", () => {
  let f: Fixture;
  let china: TestClient, japan: TestClient;
  beforeAll(async () => {
    f = await createFixture(s.db, OPENING);
    const chair = await client(f.users.chair, f.proposalId);
    await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" });
    china = await client(f.users.china, f.proposalId);
    japan = await client(f.users.japan, f.proposalId);
  });

  it("answers a put only once its revision is stored: while the database is locked, no answer", async () => {
    const t = typing(china, f.proposalId, "agree");
    const id = (await t.put("accept")).amendment!.id;
    expect(await t.put("accept to")).toMatchObject({ ok: true });
    const { released } = await lockDatabase(2500);
    let answeredAt: number | null = null;
    const put = t.put("accept to it").then((ack) => {
      answeredAt = Date.now();
      return ack;
    });
    // Relayed at once, though not stored yet; not answered, not stored while locked.
    await eventually(() => seenBy(japan, id)?.insert === "accept to it", "the revision to reach the other tab during the lock");
    await new Promise((r) => setTimeout(r, 1000));
    expect(answeredAt).toBeNull();
    expect((await stored(id)).insertText).toBe("accept to");
    const ack = await put;
    expect(ack).toMatchObject({ ok: true, amendment: { id, insert: "accept to it" } });
    expect(answeredAt!).toBeGreaterThanOrEqual(await released);
    expect((await stored(id)).insertText).toBe("accept to it");
  }, 20_000);

  it("a put that waits longer than MAX_REVISION_WAIT_MS is answered UNAVAILABLE; the revision is stored once the lock goes, and the resend is answered", async () => {
    const t = typing(japan, f.proposalId, "every month");
    const id = (await t.put("every week")).amendment!.id;
    const { released } = await lockDatabase(MAX_REVISION_WAIT_MS + 1500);
    const ack = await t.put("every weekday");
    expect(ack).toMatchObject({ ok: false, error: { code: "UNAVAILABLE" } });
    // Still locked: nothing of it is stored (readers are not blocked by the lock).
    expect((await stored(id)).insertText).toBe("every week");
    await released;
    for (let i = 0; i < 50 && (await stored(id)).insertText !== "every weekday"; i++) await new Promise((r) => setTimeout(r, 100));
    expect((await stored(id)).insertText).toBe("every weekday");
    expect(await t.put("every weekday")).toMatchObject({ ok: true, amendment: { id, insert: "every weekday" } });
  }, 20_000);
});

describe("the stores (SQLite's own connection, and Prisma's as on PostgreSQL)", () => {
  it("store a revision of an open amendment, clear stances taken before it, and refuse one that is decided, another's, or meets a lock", async () => {
    const f = await createFixture(s.db, OPENING);
    const chair = await client(f.users.chair, f.proposalId);
    await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" });
    const china = await client(f.users.china, f.proposalId);
    const japan = await client(f.users.japan, f.proposalId);
    const stores = { sqlite: sqliteRevisionStore(database.url), prisma: prismaRevisionStore(s.db) };
    try {
      for (const [name, store] of Object.entries(stores)) {
        const t = typing(china, f.proposalId, "share data");
        const id = (await t.put(`${name} 1`)).amendment!.id;
        expect(await send(japan, "amendment:stance", { proposalId: f.proposalId, amendmentId: id, stance: "OBJECT" })).toMatchObject({ ok: true });
        const rev = (insert: string, over: Partial<Revision> = {}): Revision => ({
          amendmentId: id,
          proposalId: f.proposalId,
          authorId: f.users.china,
          ...around(china.doc, "share data"),
          passage: "share data",
          insert,
          isNewWording: true,
          at: new Date(Date.now() + 1000),
          ...over,
        });
        // A stance taken after the revision was shown is on its words: kept.
        expect(await store.write([rev(`${name} 1b`, { at: new Date(Date.now() - 60_000) })]), name).toEqual(["STORED"]);
        expect(await s.db.amendmentStance.count({ where: { amendmentId: id } }), name).toBe(1);
        expect(await store.write([rev(`${name} 2`), rev("not mine", { authorId: f.users.japan })]), name).toEqual(["STORED", "NOT_OPEN"]);
        expect(await stored(id)).toMatchObject({ insertText: `${name} 2` });
        expect(await s.db.amendmentStance.count({ where: { amendmentId: id } }), name).toBe(0);
        await setState(f.proposalId, "LOCKED", { tellRoom: false });
        expect(await store.write([rev(`${name} 3`)]), name).toEqual(["WRONG_STATE"]);
        await setState(f.proposalId, "DRAFTING", { tellRoom: false });
        await s.db.amendment.update({ where: { id }, data: { status: "REJECTED" } });
        expect(await store.write([rev(`${name} 4`)]), name).toEqual(["NOT_OPEN"]);
        expect(await stored(id)).toMatchObject({ insertText: `${name} 2`, status: "REJECTED" });
      }
    } finally {
      stores.sqlite.close();
    }
  });
});
