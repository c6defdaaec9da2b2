// Comment threads on a real server, through the sockets a tab uses: start a thread on a
// passage, reply, resolve, reopen; mentions become stored notices for the mentioned
// delegation's members only; bad input, foreign anchors, observers and threads of another
// proposal are refused and store nothing. (Delegation-only threads: private-comments.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { MAX_ANCHOR_BYTES } from "../../lib/domain/amendments";
import { MAX_COMMENTS_PER_THREAD, MAX_COMMENT_CHARS, MAX_QUOTE_CHARS, MAX_THREADS } from "../../lib/domain/comments";
import { anchorAt, textBlocks } from "../../lib/document/anchors";
import { docFromState, stateFromPmJson } from "../../lib/document/convert";
import type { ThreadView } from "../../lib/protocol";
import { recordStartingDraft } from "../../server/document-store/starting-draft";
import { startThread, type StartThreadInput } from "../../server/services/comments/start-thread";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import { eventually, openClient, openSocket, waitForConnect, type TestClient, type TestServer } from "../helpers/test-server";

const OPENING = "The Parties agree to cooperate on urban diplomacy.";

let s: TestServer;
let f: Fixture;
let chn: string;
let jpn: string;
let kor: string;
let korea: string;
const open: TestClient[] = [];

type Ack = { ok: true; thread: ThreadView } | { ok: false; error: { code: string; message: string } };
type Loose = { emit(event: string, payload: unknown, ack: (res: Ack) => void): void };

function ask(c: TestClient | Loose, event: "comment:start" | "comment:reply" | "comment:resolve", payload: Record<string, unknown>): Promise<Ack> {
  const socket = ("socket" in c ? c.socket : c) as unknown as Loose;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ack for ${event}`)), 5000);
    socket.emit(event, payload, (res) => {
      clearTimeout(timer);
      resolve(res);
    });
  });
}

function ok(ack: Ack): ThreadView {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
  return ack.thread;
}
const code = (ack: Ack) => (ack.ok ? "ok" : ack.error.code);

async function client(userId: string, proposalId = f.proposalId): Promise<TestClient> {
  const c = await openClient(s, userId, proposalId);
  open.push(c);
  return c;
}

/** The anchors of characters [from, to) of the first paragraph, as the tab's editor makes them. */
function span(c: TestClient, from: number, to: number): { from: Uint8Array; to: Uint8Array } {
  const block = textBlocks(c.doc)[0]!;
  return { from: anchorAt(block, from), to: anchorAt(block, to) };
}
const AGREE = [OPENING.indexOf("agree"), OPENING.indexOf("agree") + "agree to cooperate".length] as const;

const threadCount = (proposalId = f.proposalId) => s.db.commentThread.count({ where: { proposalId } });
const commentCount = () => s.db.comment.count();
const mentionNotices = async () =>
  (await s.db.notification.findMany({ where: { kind: "comment.mention" }, select: { userId: true } })).map((n) => n.userId).sort();

let chair: TestClient;
let china: TestClient;
let china2: TestClient;
let japan: TestClient;
let observer: TestClient;
const events = new Map<TestClient, ThreadView[]>();

beforeAll(async () => {
  ({ s, f, chn, jpn } = await startFixtureServer(OPENING));
  kor = (await s.db.delegation.create({ data: { workshopId: f.workshopId, name: "Republic of Korea", code: "KOR", colour: "#1d4ed8" } })).id;
  korea = (await s.db.user.create({ data: { email: `korea-${f.workshopId}@accord.example`, name: "Kim Minji", passwordHash: "unused" } })).id;
  await s.db.member.create({ data: { workshopId: f.workshopId, userId: korea, role: "DELEGATE", delegationId: kor } });
  const tabs = await Promise.all([f.users.chair, f.users.china, f.users.china2, f.users.japan, f.users.observer].map((u) => client(u)));
  [chair, china, china2, japan, observer] = tabs as [TestClient, TestClient, TestClient, TestClient, TestClient];
  for (const c of [chair, china, china2, japan, observer]) {
    const got: ThreadView[] = [];
    events.set(c, got);
    c.socket.on("comment:changed", ({ thread }) => void got.push(thread));
  }
});
afterAll(() => stopFixtureServer(s, open, 50));

describe("a thread everyone sees: start, reply, resolve, reopen", () => {
  let thread: ThreadView;

  it("starts on the passage, quoting it as the server's text has it, and everyone in the room is told", async () => {
    thread = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, ...AGREE), body: "Should this say 'endeavour to'?", visibility: "EVERYONE" }));
    expect(thread.quote).toBe("agree to cooperate");
    expect(thread.visibility).toBe("EVERYONE");
    expect(thread.delegation).toBeNull();
    expect(thread.resolved).toBe(false);
    expect(thread.comments).toHaveLength(1);
    expect(thread.comments[0]).toMatchObject({ body: "Should this say 'endeavour to'?", author: { id: f.users.china, name: "Li Wei" }, delegation: { id: chn, code: "CHN" } });
    for (const c of [chair, china, china2, japan, observer]) await eventually(() => events.get(c)!.some((t) => t.id === thread.id), "every tab to get the new thread");
    // The tab's own store has it too (the provider listens for the same event).
    await eventually(() => observer.provider.annotations.snapshot().threads.some((t) => t.id === thread.id), "the observer's store to hold it");
  });

  it("is audited (who started which thread)", async () => {
    const entries = await s.db.auditEvent.findMany({ where: { action: "comment.start", proposalId: f.proposalId } });
    expect(entries.map((e) => [e.actorId, JSON.parse(e.detail)])).toEqual([[f.users.china, { threadId: thread.id }]]);
  });

  it("takes replies from other delegations and the chair, each in its author's delegation", async () => {
    ok(await ask(japan, "comment:reply", { proposalId: f.proposalId, threadId: thread.id, body: "Japan prefers 'shall'." }));
    const after = ok(await ask(chair, "comment:reply", { proposalId: f.proposalId, threadId: thread.id, body: "Noted; let us discuss." }));
    expect(after.comments.map((c) => [c.body, c.delegation?.id ?? null])).toEqual([
      ["Should this say 'endeavour to'?", chn],
      ["Japan prefers 'shall'.", jpn],
      ["Noted; let us discuss.", null],
    ]);
    await eventually(() => events.get(observer)!.some((t) => t.id === thread.id && t.comments.length === 3), "the observer to see both replies");
  });

  it("resolves and reopens, once each however often asked, each audited once", async () => {
    const resolved = ok(await ask(chair, "comment:resolve", { proposalId: f.proposalId, threadId: thread.id, resolved: true }));
    expect(resolved.resolved).toBe(true);
    expect(ok(await ask(japan, "comment:resolve", { proposalId: f.proposalId, threadId: thread.id, resolved: true })).resolved).toBe(true);
    await eventually(() => events.get(china)!.some((t) => t.id === thread.id && t.resolved), "the author to see it resolved");
    const reopened = ok(await ask(china, "comment:resolve", { proposalId: f.proposalId, threadId: thread.id, resolved: false }));
    expect(reopened.resolved).toBe(false);
    const stored = await s.db.commentThread.findUniqueOrThrow({ where: { id: thread.id } });
    expect([stored.resolvedAt, stored.resolvedById]).toEqual([null, null]);
    const log = await s.db.auditEvent.findMany({ where: { proposalId: f.proposalId, action: { in: ["comment.resolve", "comment.reopen"] } }, orderBy: { createdAt: "asc" } });
    expect(log.map((e) => [e.action, e.actorId])).toEqual([
      ["comment.resolve", f.users.chair],
      ["comment.reopen", f.users.china],
    ]);
  });

  it("is in the join answer of a tab opened later", async () => {
    const late = await client(f.users.japan);
    await eventually(() => late.provider.annotations.snapshot().threads.some((t) => t.id === thread.id && t.comments.length === 3), "the late tab to have it");
  });
});

describe("a delegation-only thread among its delegation", () => {
  it("is its author's delegation's, whatever the payload claims", async () => {
    const t = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, 0, 3), body: "Between us.", visibility: "DELEGATION", delegationId: jpn }));
    expect(t.delegation?.id).toBe(chn);
    expect((await s.db.commentThread.findUniqueOrThrow({ where: { id: t.id } })).delegationId).toBe(chn);
    const reply = ok(await ask(china2, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "Agreed." }));
    expect(reply.comments.map((c) => c.author.id)).toEqual([f.users.china, f.users.china2]);
    expect(await s.db.auditEvent.count({ where: { detail: { contains: t.id } } })).toBe(0);
  });

  it("cannot be started by someone who sits in no delegation", async () => {
    const before = await threadCount();
    expect(code(await ask(chair, "comment:start", { proposalId: f.proposalId, ...span(chair, 0, 3), body: "Chair only?", visibility: "DELEGATION" }))).toBe("FORBIDDEN");
    expect(await threadCount()).toBe(before);
  });
});

describe("mentions", () => {
  it("notify the mentioned delegation's members, by name or code, and nobody else", async () => {
    await s.db.notification.deleteMany({ where: { kind: "comment.mention" } });
    const t = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, 4, 11), body: "@Japan and @Republic of Korea: your views?", visibility: "EVERYONE" }));
    expect(await mentionNotices()).toEqual([f.users.japan, korea].sort());
    const notice = await s.db.notification.findFirstOrThrow({ where: { kind: "comment.mention", userId: korea } });
    expect(notice).toMatchObject({ text: "Li Wei mentioned your delegation in a comment on Live text", href: `/workshops/${f.workshopId}/proposals/${f.proposalId}`, proposalId: f.proposalId });

    // A reply mentioning the author's own delegation reaches its other members, not the author.
    await s.db.notification.deleteMany({ where: { kind: "comment.mention" } });
    ok(await ask(china, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "@CHN please confirm; @Rep is nobody." }));
    expect(await mentionNotices()).toEqual([f.users.china2]);
  });

  it("tell the mentioned members' open pages at once (a content-free signal), and nobody else's", async () => {
    const japanPage = await openSocket(s, f.users.japan);
    const koreaPage = await openSocket(s, korea);
    await Promise.all([waitForConnect(japanPage), waitForConnect(koreaPage)]);
    const heard: Array<[string, unknown]> = [];
    japanPage.on("notifications:changed", (p) => heard.push(["japan", p]));
    koreaPage.on("notifications:changed", (p) => heard.push(["korea", p]));
    ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, 4, 11), body: "@JPN, a question for you.", visibility: "EVERYONE" }));
    await eventually(() => heard.length > 0, "Japan's page to be told");
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([["japan", { workshopId: f.workshopId }]]);
    japanPage.close();
    koreaPage.close();
  });

  it("in a delegation-only thread reach only that delegation", async () => {
    await s.db.notification.deleteMany({ where: { kind: "comment.mention" } });
    const t = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, 0, 3), body: "@China, @Japan and @KOR: hold on.", visibility: "DELEGATION" }));
    ok(await ask(china2, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "@Japan must not hear of this." }));
    expect(await mentionNotices()).toEqual([f.users.china2]);
  });
});

describe("refusals store nothing", () => {
  const attempts: Array<[string, () => Record<string, unknown>, string]> = [
    ["a body over the bound", () => ({ ...span(china, 0, 3), body: "x".repeat(MAX_COMMENT_CHARS + 1), visibility: "EVERYONE" }), "INVALID_INPUT"],
    ["an empty body", () => ({ ...span(china, 0, 3), body: "   ", visibility: "EVERYONE" }), "INVALID_INPUT"],
    ["an unknown visibility", () => ({ ...span(china, 0, 3), body: "Hm.", visibility: "CHAIR" }), "INVALID_INPUT"],
    ["an anchor over the bound", () => ({ from: new Uint8Array(MAX_ANCHOR_BYTES + 1), to: span(china, 0, 3).to, body: "Hm.", visibility: "EVERYONE" }), "PAYLOAD_TOO_LARGE"],
    ["anchors that are not Yjs positions", () => ({ from: new Uint8Array([255, 255, 255]), to: new Uint8Array([1, 2]), body: "Hm.", visibility: "EVERYONE" }), "ANCHOR_NOT_FOUND"],
    ["the end before the start", () => ({ ...span(china, 10, 3), body: "Hm.", visibility: "EVERYONE" }), "ANCHOR_NOT_FOUND"],
  ];
  it.each(attempts)("%s → %s", async (_, payload, expected) => {
    const [threads, comments] = [await threadCount(), await commentCount()];
    expect(code(await ask(china, "comment:start", { proposalId: f.proposalId, ...payload() }))).toBe(expected);
    expect([await threadCount(), await commentCount()]).toEqual([threads, comments]);
  });

  it("a reply over the bound, or empty", async () => {
    const t = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, 0, 3), body: "Replies?", visibility: "EVERYONE" }));
    const before = await commentCount();
    expect(code(await ask(china, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "y".repeat(MAX_COMMENT_CHARS + 1) }))).toBe("INVALID_INPUT");
    expect(code(await ask(china, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "" }))).toBe("INVALID_INPUT");
    expect(await commentCount()).toBe(before);
  });

  it("anchors of another proposal, or of another workshop's proposal → ANCHOR_NOT_FOUND", async () => {
    const other = await client(f.users.china, f.otherProposalId);
    const elsewhere = await createFixture(s.db, OPENING);
    const foreign = await client(elsewhere.users.china, elsewhere.proposalId);
    for (const c of [other, foreign]) {
      const [threads, comments] = [await threadCount(), await commentCount()];
      expect(code(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(c, ...AGREE), body: "Which text?", visibility: "EVERYONE" }))).toBe("ANCHOR_NOT_FOUND");
      expect([await threadCount(), await commentCount()]).toEqual([threads, comments]);
    }
  });

  it("an observer may read but not start, reply, resolve or reopen → FORBIDDEN", async () => {
    const t = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, 0, 3), body: "Observers?", visibility: "EVERYONE" }));
    const [threads, comments] = [await threadCount(), await commentCount()];
    expect(code(await ask(observer, "comment:start", { proposalId: f.proposalId, ...span(observer, 0, 3), body: "May I?", visibility: "EVERYONE" }))).toBe("FORBIDDEN");
    expect(code(await ask(observer, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "May I?" }))).toBe("FORBIDDEN");
    expect(code(await ask(observer, "comment:resolve", { proposalId: f.proposalId, threadId: t.id, resolved: true }))).toBe("FORBIDDEN");
    expect([await threadCount(), await commentCount()]).toEqual([threads, comments]);
    expect((await s.db.commentThread.findUniqueOrThrow({ where: { id: t.id } })).resolvedAt).toBeNull();
  });

  it("a thread of another proposal, or no thread at all → NOT_FOUND", async () => {
    const other = await client(f.users.china, f.otherProposalId);
    const elsewhere = ok(await ask(other, "comment:start", { proposalId: f.otherProposalId, ...span(other, 0, 3), body: "On the second item.", visibility: "EVERYONE" }));
    const comments = await commentCount();
    for (const threadId of [elsewhere.id, "no-such-thread"]) {
      expect(code(await ask(china, "comment:reply", { proposalId: f.proposalId, threadId, body: "Here?" }))).toBe("NOT_FOUND");
      expect(code(await ask(china, "comment:resolve", { proposalId: f.proposalId, threadId, resolved: true }))).toBe("NOT_FOUND");
    }
    expect(await commentCount()).toBe(comments);
    expect((await s.db.commentThread.findUniqueOrThrow({ where: { id: elsewhere.id } })).resolvedAt).toBeNull();
  });

  it("a socket that has not joined the proposal's room → NOT_JOINED", async () => {
    const bare = await openSocket(s, f.users.china);
    await waitForConnect(bare);
    try {
      expect(code(await ask(bare as unknown as Loose, "comment:start", { proposalId: f.proposalId, ...span(china, 0, 3), body: "Hello?", visibility: "EVERYONE" }))).toBe("NOT_JOINED");
    } finally {
      bare.disconnect();
    }
  });
});

// Through the use cases: a tab cannot open a text with this many threads yet (the client's
// one-frame parser refuses a frame of more than MAX_ATTACHMENTS anchors; see the report).
describe("bounds", () => {
  let proposalId: string;
  let at: (from: number, to: number) => { from: Uint8Array; to: Uint8Array };
  const LONG = "Whereas ".repeat(100).trim();
  const start = (userId: string, input: Omit<StartThreadInput, "proposalId">) =>
    startThread({ db: s.db, docs: s.server.rooms, live: s.server.live, userId, input: { proposalId, ...input } });
  const outcome = (run: Promise<unknown>) => run.then(() => "ok", (e: { code?: string }) => e.code ?? String(e));

  beforeAll(async () => {
    const p = await s.db.proposal.create({ data: { workshopId: f.workshopId, title: "Bounds", position: 5 } });
    proposalId = p.id;
    const state = stateFromPmJson({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: LONG }] }] });
    await recordStartingDraft(s.db, { proposalId, state, owner: { userId: f.users.chair, delegationId: null } });
    // A replica of the stored text: its anchors are the live text's.
    const block = textBlocks(docFromState(state))[0]!;
    at = (from, to) => ({ from: anchorAt(block, from), to: anchorAt(block, to) });
    const anchor = new Uint8Array([0]);
    const rows = (n: number, visibility: "EVERYONE" | "DELEGATION", delegationId: string | null) =>
      Array.from({ length: n }, () => ({ proposalId, authorId: f.users.japan, delegationId, visibility, anchorFrom: anchor, anchorTo: anchor, quote: "" }));
    // Two places short of the bound for China; Japan's own private threads put Japan past it.
    await s.db.commentThread.createMany({ data: [...rows(MAX_THREADS - 2, "EVERYONE", null), ...rows(5, "DELEGATION", jpn)] });
  });

  it("cuts a long passage's quote at the bound", async () => {
    const t = await start(f.users.china, { ...at(0, LONG.length), body: "The whole preamble.", visibility: "EVERYONE" });
    expect([...t.quote]).toHaveLength(MAX_QUOTE_CHARS);
    expect(t.quote).toBe(`${LONG.slice(0, MAX_QUOTE_CHARS - 1)}…`);
  });

  it("refuses a thread past MAX_THREADS as its author counts them (others' private threads do not count)", async () => {
    // China sees MAX_THREADS - 1 now (Japan's five private threads are not China's to count).
    expect(await outcome(start(f.users.china, { ...at(0, 7), body: "The last one.", visibility: "DELEGATION" }))).toBe("ok");
    const before = await threadCount(proposalId);
    expect(await outcome(start(f.users.china, { ...at(0, 7), body: "One more.", visibility: "EVERYONE" }))).toBe("TOO_MANY");
    expect(await outcome(start(f.users.japan, { ...at(0, 7), body: "And Japan?", visibility: "EVERYONE" }))).toBe("TOO_MANY");
    expect(await threadCount(proposalId)).toBe(before);
  });

  it("refuses a reply past MAX_COMMENTS_PER_THREAD", async () => {
    const t = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, 0, 3), body: "A long conversation.", visibility: "EVERYONE" }));
    await s.db.comment.createMany({ data: Array.from({ length: MAX_COMMENTS_PER_THREAD - 2 }, (_, i) => ({ threadId: t.id, authorId: f.users.japan, delegationId: jpn, body: `Reply ${i}` })) });
    expect(ok(await ask(japan, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "The last place." })).comments).toHaveLength(MAX_COMMENTS_PER_THREAD);
    expect(code(await ask(japan, "comment:reply", { proposalId: f.proposalId, threadId: t.id, body: "One too many." }))).toBe("TOO_MANY");
    expect(await s.db.comment.count({ where: { threadId: t.id } })).toBe(MAX_COMMENTS_PER_THREAD);
  });
});

describe("edits keep a thread on its passage", () => {
  it("the anchors follow the text as people type before it", async () => {
    const t = ok(await ask(china, "comment:start", { proposalId: f.proposalId, ...span(china, ...AGREE), body: "Anchored.", visibility: "EVERYONE" }));
    textBlocks(japan.doc)[0]!.insert(0, "Indeed, ");
    await eventually(() => textBlocks(chair.doc)[0]!.toString().startsWith("Indeed, "), "the edit to reach the chair");
    const doc = chair.doc;
    const from = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(t.from), doc)!;
    const to = Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(t.to), doc)!;
    expect(textBlocks(doc)[0]!.toString().slice(from.index, to.index)).toBe("agree to cooperate");
  });
});
