// Paragraph statuses and readings over a real server and real sockets: the chair sets a status
// (every tab is told), awaits capitals for "agreed ad referendum" (their confirmations make it
// Agreed), reopens; a paragraph with open brackets cannot be agreed, and an agreed one cannot be
// bracketed. The chair reads the text paragraph by paragraph; a request for the floor during the
// reading records the paragraph. Bad input is refused with a named error and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import type { ClauseView } from "../../lib/protocol";
import { requestFloor } from "../../server/services/floor/speaking-queue";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { anchorsOf, appendParagraph, draftingOf, keysOf, send } from "../helpers/drafting-client";
import { serverSuite } from "../helpers/server-suite";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, type TestClient, type TestServer } from "../helpers/test-server";

const suite = serverSuite();
let s: TestServer;
beforeAll(() => {
  s = suite.server;
});

const client = (userId: string, proposalId: string): Promise<TestClient> => suite.client(userId, proposalId);

async function delegationId(f: Fixture, code: string): Promise<string> {
  return (await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code } })).id;
}

async function footprint(proposalId: string) {
  const [clauses, capitals, audit, progress] = await Promise.all([
    s.db.clauseState.findMany({ where: { proposalId }, select: { clauseKey: true, status: true }, orderBy: { clauseKey: "asc" } }),
    s.db.clauseCapital.findMany({ where: { clause: { proposalId } }, select: { delegationId: true, confirmedAt: true }, orderBy: { delegationId: "asc" } }),
    s.db.auditEvent.count({ where: { proposalId } }),
    s.db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { progress: true } }),
  ]);
  return { clauses, capitals, audit, progress };
}

async function storedProgress(proposalId: string) {
  const p = await s.db.proposal.findUniqueOrThrow({ where: { id: proposalId }, select: { progress: true } });
  return p.progress ? JSON.parse(p.progress) : null;
}

describe("paragraph status", () => {
  let f: Fixture;
  let chair: TestClient, china: TestClient, japan: TestClient, watcher: TestClient;
  let chn: string, jpn: string;
  let first: string, second: string, third: string;

  beforeAll(async () => {
    f = await createFixture(s.db, "The Parties agree to cooperate on public health.");
    chair = await client(f.users.chair, f.proposalId);
    china = await client(f.users.china, f.proposalId);
    japan = await client(f.users.japan, f.proposalId);
    watcher = await client(f.users.observer, f.proposalId);
    await appendParagraph(chair, "Data shall be shared every month.");
    await appendParagraph(chair, "This agreement enters into force on signature.");
    await eventually(() => keysOf(watcher).length === 3, "the new paragraphs to reach every tab");
    [first, second, third] = keysOf(chair) as [string, string, string];
    chn = await delegationId(f, "CHN");
    jpn = await delegationId(f, "JPN");
  });

  it("is set by the chair and reaches another client's socket as drafting:changed", async () => {
    const seen: Array<{ proposalId: string; clauses?: ClauseView[] }> = [];
    (watcher.socket as unknown as { on(e: string, fn: (p: never) => void): void }).on("drafting:changed", (p) => void seen.push(p));
    const res = await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: second, status: "PARKED" });
    expect(res).toMatchObject({ ok: true, clause: { key: second, status: "PARKED", awaiting: [], setBy: { id: f.users.chair } } });
    await eventually(() => seen.some((p) => p.clauses?.some((c) => c.key === second && c.status === "PARKED")), "drafting:changed on the observer's socket");
    expect(seen[0]!.proposalId).toBe(f.proposalId);
    expect(draftingOf(watcher).clauses.get(second)?.status).toBe("PARKED");
    expect(await storedProgress(f.proposalId)).toEqual({ paragraphs: 3, agreed: 0, adReferendum: 0, parked: 1 });
    expect(await s.db.auditEvent.findFirstOrThrow({ where: { proposalId: f.proposalId, action: "clause.status" } })).toMatchObject({ actorId: f.users.chair });
    // Setting it again records nothing more.
    await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: second, status: "PARKED" });
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "clause.status" } })).toBe(1);
    // A tab opened now is sent it on joining.
    const later = await client(f.users.observer, f.proposalId);
    expect(draftingOf(later).clauses.get(second)?.status).toBe("PARKED");
  });

  it("is agreed ad referendum awaiting a capital, whose confirmation makes it Agreed", async () => {
    // As the chair's panel does it: the status first, awaiting nobody yet, then the delegation ticked.
    const unnamed = await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: first, status: "AGREED_AD_REFERENDUM", awaiting: [] });
    expect(unnamed).toMatchObject({ ok: true, clause: { status: "AGREED_AD_REFERENDUM", awaiting: [] } });
    expect(await send(japan, "clause:confirm", { proposalId: f.proposalId, clauseKey: first })).toMatchObject({ ok: false, error: { code: "NOT_AWAITED" } });
    const res = await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: first, status: "AGREED_AD_REFERENDUM", awaiting: [jpn, jpn] });
    expect(res).toMatchObject({ ok: true, clause: { status: "AGREED_AD_REFERENDUM", awaiting: [{ delegationId: jpn, confirmedAt: null }] } });
    await eventually(() => draftingOf(japan).clauses.get(first)?.status === "AGREED_AD_REFERENDUM", "Japan's tab to see it awaited");
    // China's capital is not awaited; the observer and the chair have none.
    expect(await send(china, "clause:confirm", { proposalId: f.proposalId, clauseKey: first })).toMatchObject({ ok: false, error: { code: "NOT_AWAITED" } });
    expect(await send(watcher, "clause:confirm", { proposalId: f.proposalId, clauseKey: first })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await send(japan, "clause:confirm", { proposalId: f.proposalId, clauseKey: third })).toMatchObject({ ok: false, error: { code: "NOT_AWAITED" } });

    const confirmed = await send(japan, "clause:confirm", { proposalId: f.proposalId, clauseKey: first });
    expect(confirmed).toMatchObject({ ok: true, clause: { status: "AGREED" } });
    expect(confirmed.clause!.awaiting[0]!.confirmedAt).not.toBeNull();
    await eventually(() => draftingOf(watcher).clauses.get(first)?.status === "AGREED", "the agreement to reach everyone");
    expect(await send(japan, "clause:confirm", { proposalId: f.proposalId, clauseKey: first })).toMatchObject({ ok: false, error: { code: "NOT_AWAITED" } });
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "clause.confirm" } })).toBe(1);
    expect(await storedProgress(f.proposalId)).toEqual({ paragraphs: 3, agreed: 1, adReferendum: 0, parked: 1 });
    const board = await getWorkshopLive(s.db, f.workshopId, new Date());
    expect(board.proposals.find((p) => p.id === f.proposalId)!.progress).toMatchObject({ paragraphs: 3, agreed: 1, openBrackets: 0 });
  });

  it("protects an agreed paragraph from brackets until the chair reopens it", async () => {
    expect(await send(china, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(china.doc, "public health") })).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
    const reopened = await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: first, status: "OPEN" });
    expect(reopened).toMatchObject({ ok: true, clause: { key: first, status: "OPEN", awaiting: [] } });
    // Open is no row at all: nothing of the earlier status lingers.
    expect(await s.db.clauseState.count({ where: { proposalId: f.proposalId, clauseKey: first } })).toBe(0);
    expect(await s.db.clauseCapital.count({ where: { clause: { proposalId: f.proposalId } } })).toBe(0);
    await eventually(() => !draftingOf(watcher).clauses.has(first), "the reopening to reach everyone");
    expect(await send(china, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(china.doc, "public health") })).toMatchObject({ ok: true });
  });

  it("cannot be agreed while the paragraph has open brackets", async () => {
    const before = await footprint(f.proposalId);
    for (const status of ["AGREED", "AGREED_AD_REFERENDUM"]) {
      expect(await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: first, status, awaiting: [chn] })).toMatchObject({ ok: false, error: { code: "BRACKETS_OPEN" } });
    }
    expect(await footprint(f.proposalId)).toEqual(before);
    // Parking it says nothing is settled: allowed with brackets in it.
    expect(await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: first, status: "PARKED" })).toMatchObject({ ok: true });
    const bracket = await s.db.bracket.findFirstOrThrow({ where: { proposalId: f.proposalId, status: "OPEN" } });
    await send(chair, "bracket:lift", { proposalId: f.proposalId, bracketId: bracket.id });
    expect(await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: first, status: "AGREED" })).toMatchObject({ ok: true, clause: { status: "AGREED" } });
  });

  it("refuses bad input with a named error and changes nothing", async () => {
    const elsewhere = (await s.db.workshop.create({ data: { title: "Elsewhere" } })).id;
    const foreign = (await s.db.delegation.create({ data: { workshopId: elsewhere, name: "Foreign", code: "FRN", colour: "#000000" } })).id;
    const before = await footprint(f.proposalId);
    const cases: Array<[TestClient, string, Record<string, unknown>, string]> = [
      [china, "clause:status", { clauseKey: third, status: "AGREED" }, "FORBIDDEN"],
      [watcher, "clause:status", { clauseKey: third, status: "PARKED" }, "FORBIDDEN"],
      [chair, "clause:status", { clauseKey: "not a key", status: "AGREED" }, "INVALID_INPUT"],
      // Well-formed, but no paragraph of this text has that key.
      [chair, "clause:status", { clauseKey: `${third.split(":")[0]}:999999`, status: "AGREED" }, "PARAGRAPH_NOT_FOUND"],
      [chair, "clause:status", { clauseKey: third, status: "SETTLED" }, "INVALID_INPUT"],
      [chair, "clause:status", { clauseKey: third, status: "AGREED_AD_REFERENDUM", awaiting: [foreign] }, "INVALID_INPUT"],
      [chair, "clause:confirm", { clauseKey: third }, "FORBIDDEN"],
      [japan, "clause:confirm", { clauseKey: "1:2:3" }, "INVALID_INPUT"],
      [china, "reading:start", {}, "FORBIDDEN"],
      [chair, "reading:move", { direction: "next" }, "NO_READING"],
      [chair, "reading:move", { direction: "sideways" }, "INVALID_INPUT"],
      [chair, "reading:end", {}, "NO_READING"],
    ];
    for (const [who, event, payload, code] of cases) {
      const res = await send(who, event, { proposalId: f.proposalId, ...payload });
      expect({ event, payload, res: res.ok ? "ok" : res.error!.code }).toEqual({ event, payload, res: code });
    }
    expect(await footprint(f.proposalId)).toEqual(before);
    expect(await s.db.reading.count({ where: { proposalId: f.proposalId } })).toBe(0);
  });
});

describe("readings", () => {
  let f: Fixture;
  let chair: TestClient, japan: TestClient, watcher: TestClient;
  let keys: string[];

  beforeAll(async () => {
    f = await createFixture(s.db, "First paragraph.");
    chair = await client(f.users.chair, f.proposalId);
    japan = await client(f.users.japan, f.proposalId);
    watcher = await client(f.users.observer, f.proposalId);
    await appendParagraph(chair, "Second paragraph.");
    await appendParagraph(chair, "Third paragraph.");
    await eventually(() => keysOf(watcher).length === 3, "the paragraphs to reach every tab");
    keys = keysOf(chair);
    // The reading is of the item on the floor.
    await s.db.workshop.update({ where: { id: f.workshopId }, data: { currentProposalId: f.proposalId } });
  });

  it("a floor request outside a reading is about no paragraph", async () => {
    await requestFloor({ db: s.db, live: s.server.live, rooms: s.server.rooms, userId: f.users.japan, workshopId: f.workshopId, now: new Date() });
    const board = await getWorkshopLive(s.db, f.workshopId, new Date());
    expect(board.floor.find((e) => e.userId === f.users.japan)!.paragraph).toBeNull();
    await s.db.floorRequest.updateMany({ where: { workshopId: f.workshopId }, data: { status: "DONE", endedAt: new Date() } });
  });

  it("starts at the first paragraph, steps through, records a floor request's paragraph, and ends with what changed", async () => {
    const started = await send(chair, "reading:start", { proposalId: f.proposalId });
    expect(started).toMatchObject({ ok: true, reading: { active: true, currentKey: keys[0], endedAt: null, changes: [] } });
    await eventually(() => draftingOf(watcher).reading?.currentKey === keys[0], "the reading to reach everyone");
    // Starting again answers the reading in progress: one at a time.
    expect((await send(chair, "reading:start", { proposalId: f.proposalId })).reading!.id).toBe(started.reading!.id);
    expect(await s.db.reading.count({ where: { proposalId: f.proposalId } })).toBe(1);

    expect((await send(chair, "reading:move", { proposalId: f.proposalId, direction: "next" })).reading!.currentKey).toBe(keys[1]);
    await eventually(() => draftingOf(watcher).reading?.currentKey === keys[1], "the move to reach everyone");

    // Japan asks for the floor on paragraph 2.
    await requestFloor({ db: s.db, live: s.server.live, rooms: s.server.rooms, userId: f.users.japan, workshopId: f.workshopId, now: new Date() });
    const request = await s.db.floorRequest.findFirstOrThrow({ where: { workshopId: f.workshopId, userId: f.users.japan, status: "WAITING" } });
    expect(request).toMatchObject({ proposalId: f.proposalId, clauseKey: keys[1], paragraphNumber: 2 });
    const board = await getWorkshopLive(s.db, f.workshopId, new Date());
    expect(board.floor.find((e) => e.userId === f.users.japan)!.paragraph).toEqual({ proposalId: f.proposalId, number: 2 });

    await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: keys[1], status: "AGREED" });
    expect((await send(chair, "reading:move", { proposalId: f.proposalId, direction: "next" })).reading!.currentKey).toBe(keys[2]);
    expect((await send(chair, "reading:move", { proposalId: f.proposalId, direction: "next" })).reading!.currentKey).toBe(keys[2]);
    await send(chair, "clause:status", { proposalId: f.proposalId, clauseKey: keys[2], status: "PARKED" });
    expect((await send(chair, "reading:move", { proposalId: f.proposalId, direction: "previous" })).reading!.currentKey).toBe(keys[1]);
    // Only the chair runs the reading.
    expect(await send(japan, "reading:move", { proposalId: f.proposalId, direction: "next" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const ended = await send(chair, "reading:end", { proposalId: f.proposalId });
    expect(ended).toMatchObject({ ok: true, reading: { id: started.reading!.id, active: false } });
    expect(ended.reading!.changes).toEqual([
      { key: keys[1], number: 2, from: "OPEN", to: "AGREED" },
      { key: keys[2], number: 3, from: "OPEN", to: "PARKED" },
    ]);
    await eventually(() => draftingOf(watcher).reading?.active === false, "the end to reach everyone");
    expect(draftingOf(watcher).reading!.changes).toHaveLength(2);
    expect(await send(chair, "reading:move", { proposalId: f.proposalId, direction: "next" })).toMatchObject({ ok: false, error: { code: "NO_READING" } });
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: { in: ["reading.start", "reading.end"] } } })).toBe(2);
    // A tab opened now is sent the last reading, with its summary.
    const later = await client(f.users.observer, f.proposalId);
    expect(draftingOf(later).reading).toMatchObject({ id: started.reading!.id, active: false });
    expect(draftingOf(later).reading!.changes).toHaveLength(2);
  });
});
