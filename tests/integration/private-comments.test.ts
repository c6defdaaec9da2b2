// THE LEAK SUITE: a delegation-only thread reaches its delegation and nobody else, on any path.
//
// A China delegate starts a delegation-only thread whose comments carry a unique marker and
// mention @China and @Japan; a colleague replies; it is resolved. Every socket of every actor
// (their tab, a second tab joined by hand, their workshop board) records every event it is sent
// from before the thread exists to the end. Then, for each actor outside China — the chair, an
// observer, Japan's and Korea's delegates — every path is searched for the marker and the
// thread's id: live events, join answers, reply/resolve attempts (answered exactly as for an id
// that never existed), stored notifications, the audit log, the version history and every page
// loader. China's second delegate is the control: the marker must reach them, so a suite that
// saw nothing anywhere would fail. Last, a China delegate moved to Japan by the chair stops
// receiving China's thread at once and no longer gets it on joining.
//
// Server-rendered pages: the test server runs socket.io without Next (no production build), so
// the pages themselves cannot be fetched here; each page's loaders (the use cases its
// page.tsx calls) are called instead, as that caller, and their whole answers searched.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anchorAt, textBlocks } from "../../lib/document/anchors";
import { PROTOCOL_VERSION, type ThreadView } from "../../lib/protocol";
import { ProposalProvider, type ProviderSocket } from "../../lib/realtime/proposal-provider";
import { listAuditEvents } from "../../server/services/audit/list-audit-events";
import { compareVersions } from "../../server/services/history/compare-versions";
import { findDefaultComparePair } from "../../server/services/history/default-compare-pair";
import { getVersion } from "../../server/services/history/get-version";
import { listVersions } from "../../server/services/history/list-versions";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { listNotifications } from "../../server/services/notifications/list-notifications";
import { changeMember } from "../../server/services/people/change-member";
import { listMembers } from "../../server/services/people/list-members";
import { getProposalView } from "../../server/services/proposals/get-proposal-view";
import { listDocumentAuthors } from "../../server/services/proposals/list-document-authors";
import { listVoteRounds } from "../../server/services/votes/list-vote-rounds";
import { getManagementView } from "../../server/services/workshop/get-management-view";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { getWorkshopOverview } from "../../server/services/workshop/get-workshop-overview";
import { listMyWorkshops } from "../../server/services/workshop/list-my-workshops";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import type { Fixture } from "../helpers/fixtures";
import { eventually, openSocket, waitForConnect, type TestServer } from "../helpers/test-server";

const OPENING = "The Parties agree to cooperate on urban diplomacy.";
const MARKER = `SECRET-${randomUUID()}`;

let s: TestServer;
let f: Fixture;
let jpn: string;

type Ack = { ok: true; [k: string]: unknown } | { ok: false; error: { code: string; message: string } };
type Loose = { emit(event: string, payload: unknown, ack: (res: Ack) => void): void };

/** Everything a socket was sent, and every answer it got, as searchable text (binary as latin1). */
type Recorder = { name: string; socket: ProviderSocket; log: string[] };

function flatten(v: unknown): unknown {
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("latin1");
  if (v instanceof ArrayBuffer) return Buffer.from(v).toString("latin1");
  if (Array.isArray(v)) return v.map(flatten);
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Map) return flatten([...v.entries()]);
  if (v instanceof Set) return flatten([...v]);
  if (v !== null && typeof v === "object") return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, flatten(x)]));
  return v;
}
const dump = (v: unknown): string => JSON.stringify(flatten(v)) ?? "";

function ask(socket: ProviderSocket, log: string[] | null, event: string, payload: Record<string, unknown>): Promise<Ack> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
    (socket as unknown as Loose).emit(event, payload, (res) => {
      clearTimeout(timer);
      log?.push(`ack ${event} ${dump(res)}`);
      resolve(res);
    });
  });
}

type Actor = {
  name: string;
  userId: string;
  /** The tab: a provider on the proposal (joins, syncs, keeps the annotations store). */
  tab: ProviderSocket;
  provider: ProposalProvider;
  /** A second tab, joined by hand, whose join answers are recorded too. */
  raw: ProviderSocket;
  /** The workshop page's live board. */
  board: ProviderSocket;
  recorders: Recorder[];
};

const actors = new Map<string, Actor>();
const actor = (name: string) => actors.get(name)!;
const everySocket: ProviderSocket[] = [];

async function recorded(name: string, userId: string): Promise<Recorder> {
  const socket = await openSocket(s, userId);
  everySocket.push(socket);
  const rec: Recorder = { name, socket, log: [] };
  // Attached before connecting completes: nothing the server sends can be missed.
  socket.onAny((event: string, ...args: unknown[]) => void rec.log.push(`${event} ${dump(args)}`));
  await waitForConnect(socket);
  return rec;
}

async function addActor(name: string, userId: string): Promise<Actor> {
  const [tab, raw, board] = await Promise.all([recorded(`${name}/tab`, userId), recorded(`${name}/raw`, userId), recorded(`${name}/board`, userId)]);
  const provider = new ProposalProvider(tab.socket, f.proposalId);
  await provider.whenSynced();
  await expectOk(ask(raw.socket, raw.log, "room:join", { proposalId: f.proposalId, clientId: 1000 + actors.size, protocol: PROTOCOL_VERSION }));
  await expectOk(ask(board.socket, board.log, "workshop:join", { workshopId: f.workshopId }));
  const a: Actor = { name, userId, tab: tab.socket, provider, raw: raw.socket, board: board.socket, recorders: [tab, raw, board] };
  actors.set(name, a);
  return a;
}

async function expectOk(p: Promise<Ack>): Promise<Ack & { ok: true }> {
  const res = await p;
  if (!res.ok) throw new Error(`refused: ${res.error.code} ${res.error.message}`);
  return res;
}

/** A fresh join by the actor's hand-joined tab (leave, join): its answer, recorded. */
async function rejoin(a: Actor): Promise<Ack> {
  const rec = a.recorders[1]!;
  await ask(a.raw, rec.log, "room:leave", { proposalId: f.proposalId });
  return ask(a.raw, rec.log, "room:join", { proposalId: f.proposalId, clientId: 2000 + Math.floor(Math.random() * 1000), protocol: PROTOCOL_VERSION });
}

const allLogs = (a: Actor, from: number[] = [0, 0, 0]) => a.recorders.map((r, i) => r.log.slice(from[i]).join("\n")).join("\n");
const marks = (a: Actor) => a.recorders.map((r) => r.log.length);

/** Every page loader and read a member can reach for this proposal and workshop, as `userId` sees them. */
async function everythingReadable(userId: string): Promise<Record<string, unknown>> {
  const db = s.db;
  const proposalId = f.proposalId;
  const workshopId = f.workshopId;
  const settle = (p: Promise<unknown>) => p.then((v) => v, (e: { code?: string; message?: string }) => ({ refused: e.code ?? String(e) }));
  const versions = (await listVersions({ db, userId, proposalId })) as { versions?: Array<{ number: number }> };
  const numbers = (versions.versions ?? []).map((v) => v.number);
  const latest = Math.max(1, ...numbers);
  return {
    versions,
    versionPages: await Promise.all(numbers.map((number) => settle(getVersion({ db, userId, proposalId, number })))),
    compare: await settle(compareVersions({ db, userId, proposalId, from: 1, to: latest })),
    comparePair: await settle(findDefaultComparePair({ db, userId, proposalId })),
    proposal: await settle(getProposalView({ db, userId, proposalId })),
    authors: await settle(listDocumentAuthors({ db, userId, proposalId })),
    rounds: await settle(listVoteRounds({ db, userId, proposalId })),
    overview: await settle(getWorkshopOverview({ db, userId, workshopId })),
    board: await getWorkshopLive(db, workshopId, new Date()),
    workshops: await settle(listMyWorkshops({ db, userId })),
    management: await settle(getManagementView({ db, userId, workshopId, now: new Date() })),
    members: await settle(listMembers({ db, userId, workshopId })),
    notifications: await settle(listNotifications({ db, userId, workshopId })),
    audit: await settle(listAuditEvents({ db, userId, workshopId })),
    auditOfProposal: await settle(listAuditEvents({ db, userId, workshopId, proposalId })),
  };
}

const OUTSIDERS = ["chair", "observer", "japan", "korea"] as const;
let thread: ThreadView;
let korea: string;
let mover: string;

beforeAll(async () => {
  ({ s, f, jpn } = await startFixtureServer(OPENING));
  const kor = (await s.db.delegation.create({ data: { workshopId: f.workshopId, name: "Republic of Korea", code: "KOR", colour: "#1d4ed8" } })).id;
  const user = async (name: string, delegationId: string) => {
    const u = await s.db.user.create({ data: { email: `${name.replace(/\W/g, "")}-${f.workshopId}@accord.example`, name, passwordHash: "unused" } });
    await s.db.member.create({ data: { workshopId: f.workshopId, userId: u.id, role: "DELEGATE", delegationId } });
    return u.id;
  };
  korea = await user("Kim Minji", kor);
  const chn = await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code: "CHN" } });
  mover = await user("Wang Fang", chn.id);
  for (const [name, userId] of [
    ["chair", f.users.chair],
    ["observer", f.users.observer],
    ["japan", f.users.japan],
    ["korea", korea],
    ["china", f.users.china],
    ["china2", f.users.china2],
    ["mover", mover],
  ] as const) {
    await addActor(name, userId);
  }

  // The scenario: start (mentioning @China and @Japan), a reply, resolved.
  const china = actor("china");
  const block = textBlocks(china.provider.doc)[0]!;
  const from = OPENING.indexOf("cooperate");
  const started = await expectOk(
    ask(china.tab, china.recorders[0]!.log, "comment:start", {
      proposalId: f.proposalId,
      from: anchorAt(block, from),
      to: anchorAt(block, from + "cooperate".length),
      body: `${MARKER}: @China and @Japan — our red line is "shall".`,
      visibility: "DELEGATION",
    }),
  );
  thread = started.thread as ThreadView;
  const china2 = actor("china2");
  await expectOk(ask(china2.tab, china2.recorders[0]!.log, "comment:reply", { proposalId: f.proposalId, threadId: thread.id, body: `${MARKER} (reply): agreed; @Japan must not see this.` }));
  await expectOk(ask(china.tab, china.recorders[0]!.log, "comment:resolve", { proposalId: f.proposalId, threadId: thread.id, resolved: true }));
  // A version after the thread: history pages have something new to show.
  await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "After the private thread" });

  // The barrier: a thread everyone sees, sent after the private events. socket.io keeps each
  // connection's order, so once a socket has it, anything private sent to it would be there.
  const chair = actor("chair");
  const barrier = `BARRIER-${randomUUID()}`;
  await expectOk(ask(chair.tab, chair.recorders[0]!.log, "comment:start", { proposalId: f.proposalId, from: anchorAt(block, 0), to: anchorAt(block, 3), body: barrier, visibility: "EVERYONE" }));
  for (const a of actors.values()) {
    for (const rec of a.recorders.slice(0, 2)) await eventually(() => rec.log.some((l) => l.startsWith("comment:changed") && l.includes(barrier)), `${rec.name} to get the barrier`);
  }
});

afterAll(async () => {
  for (const a of actors.values()) a.provider.destroy();
  await stopFixtureServer(s, [], 0);
  for (const socket of everySocket) socket.disconnect();
});

describe("the control: China's second delegate gets the thread on every path", () => {
  it("live: the start, the reply and the resolution", () => {
    const logs = actor("china2").recorders[0]!.log.filter((l) => l.startsWith("comment:changed") && l.includes(thread.id));
    expect(logs).toHaveLength(3);
    expect(logs.join("\n")).toContain(MARKER);
    // Their hand-joined second tab too: the delegation's room holds every tab of its members.
    expect(allLogs(actor("china2"))).toContain(MARKER);
  });

  it("on joining", async () => {
    const answer = await rejoin(actor("china2"));
    expect(answer.ok).toBe(true);
    expect(dump(answer)).toContain(MARKER);
    expect(actor("china2").provider.annotations.snapshot().threads.find((t) => t.id === thread.id)?.resolved).toBe(true);
  });

  it("as a stored notice of the @China mention (the author is not told of their own)", async () => {
    const list = await listNotifications({ db: s.db, userId: f.users.china2, workshopId: f.workshopId });
    expect(list.items.filter((n) => n.kind === "comment.mention")).toHaveLength(1);
    const own = await listNotifications({ db: s.db, userId: f.users.china, workshopId: f.workshopId });
    expect(own.items.filter((n) => n.kind === "comment.mention")).toHaveLength(0);
  });

  it("and may write in it", async () => {
    const a = actor("china2");
    expect((await ask(a.tab, null, "comment:resolve", { proposalId: f.proposalId, threadId: thread.id, resolved: true })).ok).toBe(true);
  });
});

describe.each(OUTSIDERS)("%s gets nothing of it", (name) => {
  it("no live event on any of their sockets carries the marker or the thread's id", () => {
    const logs = allLogs(actor(name));
    // The sockets did get comment events (the barrier): silence here is not a dead socket.
    expect(logs).toContain("BARRIER-");
    expect(logs).not.toContain(MARKER);
    expect(logs).not.toContain(thread.id);
  });

  it("not in their tab's store, nor in a fresh join's answer", async () => {
    const a = actor(name);
    expect(a.provider.annotations.snapshot().threads.map((t) => t.id)).not.toContain(thread.id);
    const answer = await rejoin(a);
    expect(answer.ok).toBe(true);
    expect(dump(answer)).toContain("BARRIER-");
    expect(dump(answer)).not.toContain(MARKER);
    expect(dump(answer)).not.toContain(thread.id);
  });

  it("writing in it is answered exactly as for a thread that never existed", async () => {
    const a = actor(name);
    for (const [event, extra] of [
      ["comment:reply", { body: "Let me in." }],
      ["comment:resolve", { resolved: false }],
      ["comment:resolve", { resolved: true }],
    ] as const) {
      const real = await ask(a.raw, null, event, { proposalId: f.proposalId, threadId: thread.id, ...extra });
      const never = await ask(a.raw, null, event, { proposalId: f.proposalId, threadId: `c${randomUUID().replace(/-/g, "").slice(0, 24)}`, ...extra });
      expect(real.ok).toBe(false);
      expect(real).toEqual(never);
      expect(!real.ok && real.error.code).toBe(name === "observer" ? "FORBIDDEN" : "NOT_FOUND");
    }
    const stored = await s.db.commentThread.findUniqueOrThrow({ where: { id: thread.id }, include: { comments: true } });
    expect([stored.comments.length, stored.resolvedAt !== null]).toEqual([2, true]);
  });

  it("no notice, page, history, audit entry or board names it", async () => {
    const everything = await everythingReadable(actor(name).userId);
    const text = dump(everything);
    expect(text).not.toContain(MARKER);
    expect(text).not.toContain(thread.id);
    const notices = everything.notifications as { items: Array<{ kind: string }> };
    expect(notices.items.filter((n) => n.kind === "comment.mention")).toEqual([]);
  });
});

describe("the audit log", () => {
  it("has no entry for the private thread at all, not even an anonymised one", async () => {
    const rows = await s.db.auditEvent.findMany({ where: { proposalId: f.proposalId } });
    expect(dump(rows)).not.toContain(thread.id);
    expect(dump(rows)).not.toContain(MARKER);
    // The barrier thread is logged: only the everyone-thread's start, nothing else of comments.
    expect(rows.filter((r) => r.action.startsWith("comment.")).map((r) => r.action)).toEqual(["comment.start"]);
  });

  it("the chair's log reads the same (and nobody else may read it)", async () => {
    const log = await listAuditEvents({ db: s.db, userId: f.users.chair, workshopId: f.workshopId });
    expect(dump(log)).not.toContain(thread.id);
    for (const name of ["observer", "japan", "korea", "china2"]) {
      await expect(listAuditEvents({ db: s.db, userId: actor(name).userId, workshopId: f.workshopId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });
});

describe("mentions", () => {
  it("in a private thread reach its own delegation only: Japan was mentioned, and told nothing", async () => {
    const rows = await s.db.notification.findMany({ where: { kind: "comment.mention" }, select: { userId: true } });
    expect(rows.map((r) => r.userId).sort()).toEqual([f.users.china2, mover].sort());
  });
});

describe("a China delegate moved to Japan by the chair", () => {
  let since: number[];
  let afterMove: string;

  beforeAll(async () => {
    const a = actor("mover");
    // Before the move they were China's: the thread reached them (a control for what follows).
    expect(allLogs(a)).toContain(MARKER);
    since = marks(a);
    await changeMember({ db: s.db, live: s.server.live, userId: f.users.chair, workshopId: f.workshopId, memberUserId: mover, input: { role: "DELEGATE", delegationId: jpn } });
    await eventually(() => a.provider.self?.delegation?.id === jpn, "the mover's tab to re-join as Japan's");

    // China writes on; Japan starts a private thread of its own (the mover must get that one).
    const china = actor("china");
    afterMove = `${MARKER}-after-the-move`;
    await expectOk(ask(china.tab, null, "comment:reply", { proposalId: f.proposalId, threadId: thread.id, body: afterMove }));
    await expectOk(ask(china.tab, null, "comment:resolve", { proposalId: f.proposalId, threadId: thread.id, resolved: false }));
    const japan = actor("japan");
    const block = textBlocks(japan.provider.doc)[0]!;
    const japanOnly = `JAPAN-ONLY-${randomUUID()}`;
    await expectOk(ask(japan.tab, null, "comment:start", { proposalId: f.proposalId, from: anchorAt(block, 4), to: anchorAt(block, 11), body: japanOnly, visibility: "DELEGATION" }));
    await eventually(() => actor("china2").recorders[0]!.log.some((l) => l.includes(afterMove)), "China's second delegate to get the reply");
    // Sent after China's events: once both the mover's tabs have it, China's would be there too.
    for (const rec of a.recorders.slice(0, 2)) await eventually(() => rec.log.some((l) => l.includes(japanOnly)), `${rec.name} to get Japan's private thread`);
  });

  it("stops receiving China's thread at once, on every socket (the hand-joined one was never re-joined)", () => {
    const logs = allLogs(actor("mover"), since);
    expect(logs).toContain("JAPAN-ONLY-");
    expect(logs).not.toContain(MARKER);
    expect(logs).not.toContain(thread.id);
  });

  it("no longer gets it on joining, and their tab's store dropped it", async () => {
    const a = actor("mover");
    expect(a.provider.annotations.snapshot().threads.map((t) => t.id)).not.toContain(thread.id);
    const answer = await rejoin(a);
    expect(answer.ok).toBe(true);
    expect(dump(answer)).toContain("JAPAN-ONLY-");
    expect(dump(answer)).not.toContain(MARKER);
  });

  it("can no longer write in it: not found, as for any unknown thread", async () => {
    const a = actor("mover");
    const real = await ask(a.raw, null, "comment:reply", { proposalId: f.proposalId, threadId: thread.id, body: "Still here?" });
    expect(real).toEqual({ ok: false, error: { code: "NOT_FOUND", message: expect.any(String) } });
    const never = await ask(a.raw, null, "comment:reply", { proposalId: f.proposalId, threadId: "no-such-thread", body: "Still here?" });
    expect(real).toEqual(never);
  });

  it("while China's members still get it (the control)", () => {
    expect(actor("china2").recorders[0]!.log.join("\n")).toContain(afterMove);
    expect(actor("china").recorders[0]!.log.join("\n")).toContain(afterMove);
  });
});
