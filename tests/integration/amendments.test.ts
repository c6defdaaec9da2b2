// Amendments over a real server and real sockets: "Amendments only" refuses a delegate's direct
// edits (not stored, not relayed) while the chair still types; delegates propose amendments the
// server anchors in its own text, under their own delegation; the chair accepts them into the
// agreed text as the proposing delegation's words, overtaking competing ones; versions record
// what was open beside them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors";
import { docFromState } from "../../lib/document/convert";
import { MAX_AMENDMENT_TEXT_CHARS, MAX_ANCHOR_BYTES, MAX_OPEN_AMENDMENTS, MAX_REASON_CHARS } from "../../lib/domain/amendments";
import { asBytes } from "../../lib/bytes";
import type { AmendmentView } from "../../lib/protocol";
import { loadDocumentState } from "../../server/document-store/load-document";
import { getVersion } from "../../server/services/history/get-version";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { around, sendEvent } from "../helpers/amendment-client";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, openSocket, startTestServer, textOf, type TestClient, type TestServer } from "../helpers/test-server";
import { ProposalProvider } from "../../lib/realtime/proposal-provider";
import { expectOneChangeCreditedTo } from "../helpers/credited-change";

let s: TestServer;
const open: TestClient[] = [];

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const c of open) c.close();
  await s.close();
});

const OPENING = "The Parties agree to cooperate on public health and to share data every month.";

type Ack = { ok: boolean; error?: { code: string; message: string }; amendment?: AmendmentView | null; amendments?: AmendmentView[] };

async function client(userId: string, proposalId: string): Promise<TestClient> {
  const c = await openClient(s, userId, proposalId);
  open.push(c);
  return c;
}

function send(c: TestClient, event: string, payload: Record<string, unknown>): Promise<Ack> {
  return sendEvent<Ack>(c, event, payload, 10_000);
}


let keys = 0;
const newKey = () => `key-${Date.now().toString(36)}-${keys++}`;

function propose(c: TestClient, proposalId: string, passage: string, insert: string, extra: Record<string, unknown> = {}): Promise<Ack> {
  return send(c, "amendment:put", { proposalId, key: newKey(), ...around(c.doc, passage), insert, ...extra });
}

/** An edit sent by hand, as a tab that ignores the mode would send it. */
function sendEdit(c: TestClient, proposalId: string, text: string): Promise<Ack> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  copy.clientID = c.doc.clientID;
  const sv = Y.encodeStateVector(copy);
  textBlocks(copy)[0]!.insert(0, text);
  return send(c, "doc:update", { proposalId, update: Y.encodeStateAsUpdate(copy, sv) });
}

async function storedText(proposalId: string): Promise<string> {
  await s.server.rooms.journal.drain();
  return textOf(docFromState((await loadDocumentState({ db: s.db, proposalId })).state));
}

function amendmentsOf(c: TestClient): readonly AmendmentView[] {
  return c.provider.annotations.snapshot().amendments;
}

async function delegationId(f: Fixture, code: string): Promise<string> {
  return (await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code } })).id;
}

describe("Amendments only", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(s.db, OPENING);
  });

  it("tells every open tab, and is the chair's alone to set", async () => {
    const chair = await client(f.users.chair, f.proposalId);
    const china = await client(f.users.china, f.proposalId);
    expect(await send(china, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" })).toMatchObject({ ok: true });
    await eventually(() => china.provider.annotations.snapshot().mode === "AMENDMENTS", "the delegate's tab to learn the mode");
    expect((await s.db.proposal.findUniqueOrThrow({ where: { id: f.proposalId } })).editingMode).toBe("AMENDMENTS");
    // Setting the mode it already has records nothing more.
    expect(await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" })).toMatchObject({ ok: true });
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "proposal.mode" } })).toBe(1);
  });

  it("refuses a delegate's direct edit: not relayed, not stored; the chair still types", async () => {
    const chair = await client(f.users.chair, f.proposalId);
    const japan = await client(f.users.japan, f.proposalId);
    const watcher = await client(f.users.observer, f.proposalId);
    const refused = await sendEdit(japan, f.proposalId, "Typed anyway. ");
    expect(refused).toMatchObject({ ok: false, error: { code: "AMENDMENTS_ONLY" } });
    await new Promise((r) => setTimeout(r, 150));
    expect(textOf(chair.doc)).not.toContain("Typed anyway.");
    expect(textOf(watcher.doc)).not.toContain("Typed anyway.");
    expect(await storedText(f.proposalId)).not.toContain("Typed anyway.");
    // A tab opened now is sent the room's text, which lacks it too.
    const later = await client(f.users.observer, f.proposalId);
    expect(textOf(later.doc)).not.toContain("Typed anyway.");

    textBlocks(chair.doc)[0]!.insert(0, "Chair: ");
    await chair.provider.whenSaved();
    await eventually(() => textOf(watcher.doc).includes("Chair: "), "the chair's edit to reach everyone");
    expect(await storedText(f.proposalId)).toContain("Chair: ");
  });

  it("back in open drafting, a delegate types again", async () => {
    const chair = await client(f.users.chair, f.proposalId);
    const china = await client(f.users.china, f.proposalId);
    expect(await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "OPEN" })).toMatchObject({ ok: true });
    await eventually(() => china.provider.annotations.snapshot().mode === "OPEN", "the tab to learn drafting reopened");
    expect(await sendEdit(china, f.proposalId, "Open again. ")).toMatchObject({ ok: true });
  });
});

describe("proposing", () => {
  let f: Fixture;
  let chair: TestClient, china: TestClient, china2: TestClient, japan: TestClient, watcher: TestClient;
  beforeAll(async () => {
    f = await createFixture(s.db, OPENING);
    chair = await client(f.users.chair, f.proposalId);
    china = await client(f.users.china, f.proposalId);
    china2 = await client(f.users.china2, f.proposalId);
    japan = await client(f.users.japan, f.proposalId);
    watcher = await client(f.users.observer, f.proposalId);
    await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" });
  });

  it("stores it under the sender's delegation, with the passage as the server reads it, and everyone in the room sees it", async () => {
    const jpn = await delegationId(f, "JPN");
    // Fields a tab has no business sending are not read: the delegation, author and passage are the server's.
    const res = await propose(china, f.proposalId, "agree", "undertake", { reason: "Stronger.", delegationId: jpn, authorId: f.users.japan, passage: "forged" });
    expect(res.ok).toBe(true);
    const a = res.amendment!;
    expect(a).toMatchObject({ passage: "agree", insert: "undertake", reason: "Stronger.", status: "OPEN", delegation: { code: "CHN" }, author: { id: f.users.china } });
    const row = await s.db.amendment.findUniqueOrThrow({ where: { id: a.id } });
    expect(row).toMatchObject({ delegationId: await delegationId(f, "CHN"), authorId: f.users.china, passage: "agree" });
    for (const c of [chair, china2, japan, watcher]) await eventually(() => amendmentsOf(c).some((x) => x.id === a.id), "amendment:changed to reach every tab");
    // The agreed text itself is untouched.
    expect(textOf(chair.doc)).toContain("agree to cooperate");
  });

  it("a resend with the same key stores it once; the author revises it; nobody else may", async () => {
    const key = newKey();
    const payload = { proposalId: f.proposalId, key, ...around(china.doc, "public health"), insert: "global health" };
    const first = await send(china, "amendment:put", payload);
    const again = await send(china, "amendment:put", payload);
    expect(again.amendment!.id).toBe(first.amendment!.id);
    expect(await s.db.amendment.count({ where: { proposalId: f.proposalId, key } })).toBe(1);
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "amendment.propose", detail: { contains: first.amendment!.id } } })).toBe(1);

    const revised = await send(china, "amendment:put", { ...payload, insert: "global public health" });
    expect(revised.amendment).toMatchObject({ id: first.amendment!.id, insert: "global public health" });
    expect(await send(japan, "amendment:put", { ...payload, insert: "hijacked" })).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
    expect(await send(china2, "amendment:put", { ...payload, insert: "colleague" })).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
    expect((await s.db.amendment.findUniqueOrThrow({ where: { id: first.amendment!.id } })).insertText).toBe("global public health");
  });

  it("an insertion point with nothing to insert discards it", async () => {
    const key = newKey();
    const created = await send(china, "amendment:put", { proposalId: f.proposalId, key, ...around(china.doc, "every"), insert: "each" });
    const { from } = around(china.doc, "every");
    const discarded = await send(china, "amendment:put", { proposalId: f.proposalId, key, from, to: from, insert: "" });
    expect(discarded.amendment).toMatchObject({ id: created.amendment!.id, status: "WITHDRAWN" });
    // Sent again (the answer was lost): the same answer, not an error.
    expect(await send(china, "amendment:put", { proposalId: f.proposalId, key, from, to: from, insert: "" })).toMatchObject({ ok: true, amendment: { status: "WITHDRAWN" } });
    // Nothing proposed and nothing to propose: nothing stored.
    const nothing = await send(china, "amendment:put", { proposalId: f.proposalId, key: newKey(), from, to: from, insert: "" });
    expect(nothing).toEqual({ ok: true, amendment: null });
  });

  it("refuses anchors from another proposal's text, and stores nothing", async () => {
    const other = await client(f.users.china, f.otherProposalId);
    const before = await s.db.amendment.count();
    const res = await send(china, "amendment:put", { proposalId: f.proposalId, key: newKey(), ...around(other.doc, "agree"), insert: "x" });
    expect(res).toMatchObject({ ok: false, error: { code: "ANCHOR_NOT_FOUND" } });
    expect(await s.db.amendment.count()).toBe(before);
  });

  it("refuses an oversized reason, text or anchor, and stores nothing", async () => {
    const before = await s.db.amendment.count();
    const anchors = around(china.doc, "share data");
    const base = { proposalId: f.proposalId, ...anchors, insert: "exchange data" };
    const tooLongReason = await send(china, "amendment:put", { ...base, key: newKey(), reason: "r".repeat(MAX_REASON_CHARS + 1) });
    expect(tooLongReason).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const tooLongText = await send(china, "amendment:put", { ...base, key: newKey(), insert: "x".repeat(MAX_AMENDMENT_TEXT_CHARS + 1) });
    expect(tooLongText).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    const hugeAnchor = await send(china, "amendment:put", { ...base, key: newKey(), from: new Uint8Array(MAX_ANCHOR_BYTES + 1) });
    expect(hugeAnchor).toMatchObject({ ok: false, error: { code: "PAYLOAD_TOO_LARGE" } });
    expect(await s.db.amendment.count()).toBe(before);
    // The same through the reason event.
    const ok = await send(china, "amendment:put", { ...base, key: newKey() });
    expect(await send(china, "amendment:reason", { proposalId: f.proposalId, amendmentId: ok.amendment!.id, reason: "r".repeat(MAX_REASON_CHARS + 1) })).toMatchObject({
      ok: false,
      error: { code: "INVALID_INPUT" },
    });
    expect(await send(china, "amendment:reason", { proposalId: f.proposalId, amendmentId: ok.amendment!.id, reason: "Clearer." })).toMatchObject({ ok: true, amendment: { reason: "Clearer." } });
    expect(await send(japan, "amendment:reason", { proposalId: f.proposalId, amendmentId: ok.amendment!.id, reason: "Mine now." })).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
  });

  // A join's answer carries two binary anchors per amendment: many must not overflow the
  // one-frame parser's bound on a frame's attachments.
  it("a tab opening a text with many amendments is sent them all", async () => {
    for (let i = 0; i < 6; i++) await propose(china, f.proposalId, "cooperate", `collaborate ${i}`);
    const count = await s.db.amendment.count({ where: { proposalId: f.proposalId } });
    const socket = await openSocket(s, f.users.japan);
    const provider = new ProposalProvider(socket, f.proposalId);
    try {
      await Promise.race([provider.whenSynced(), new Promise((_, reject) => setTimeout(() => reject(new Error("not synced within 5 s")), 5000))]);
      expect(provider.annotations.snapshot().amendments).toHaveLength(count);
    } finally {
      provider.destroy();
      socket.disconnect();
    }
  });

  it("observers cannot propose; nobody may act on a proposal's amendments from another proposal's id", async () => {
    expect(await propose(watcher, f.proposalId, "agree", "concur")).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const mine = await propose(china, f.proposalId, "cooperate", "work together");
    const elsewhere = await client(f.users.japan, f.otherProposalId);
    expect(await send(elsewhere, "amendment:stance", { proposalId: f.otherProposalId, amendmentId: mine.amendment!.id, stance: "SUPPORT" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    // Not in the room: nothing at all.
    expect(await send(elsewhere, "amendment:stance", { proposalId: f.proposalId, amendmentId: mine.amendment!.id, stance: "SUPPORT" })).toMatchObject({
      ok: false,
      error: { code: "NOT_JOINED" },
    });
  });
});

describe("the bound on open amendments", () => {
  it("refuses a new one beyond MAX_OPEN_AMENDMENTS (TOO_MANY) and stores nothing; revising an open one still works", async () => {
    const f = await createFixture(s.db, OPENING);
    const china = await client(f.users.china, f.proposalId);
    const { from, to } = around(china.doc, "agree");
    const mine = (await propose(china, f.proposalId, "agree", "undertake")).amendment!;
    const jpn = await delegationId(f, "JPN");
    const rows = Array.from({ length: MAX_OPEN_AMENDMENTS - 1 }, (_, i) => ({
      proposalId: f.proposalId,
      key: `bulk-key-${i}`,
      authorId: f.users.japan,
      delegationId: jpn,
      anchorFrom: asBytes(from),
      anchorTo: asBytes(to),
      passage: "agree",
    }));
    await s.db.amendment.createMany({ data: rows });
    expect(await propose(china, f.proposalId, "cooperate", "collaborate")).toMatchObject({ ok: false, error: { code: "TOO_MANY" } });
    expect(await s.db.amendment.count({ where: { proposalId: f.proposalId } })).toBe(MAX_OPEN_AMENDMENTS);
    expect(await send(china, "amendment:put", { proposalId: f.proposalId, key: mine.key, from, to, insert: "commit" })).toMatchObject({ ok: true, amendment: { insert: "commit" } });
  });
});

describe("support, objection, withdrawal", () => {
  let f: Fixture;
  let chair: TestClient, china: TestClient, china2: TestClient, japan: TestClient;
  beforeAll(async () => {
    f = await createFixture(s.db, OPENING);
    chair = await client(f.users.chair, f.proposalId);
    china = await client(f.users.china, f.proposalId);
    china2 = await client(f.users.china2, f.proposalId);
    japan = await client(f.users.japan, f.proposalId);
  });

  it("one stance per other delegation; never on one's own delegation's amendment", async () => {
    const a = (await propose(china, f.proposalId, "agree", "undertake")).amendment!;
    expect(await send(china, "amendment:stance", { proposalId: f.proposalId, amendmentId: a.id, stance: "SUPPORT" })).toMatchObject({ ok: false, error: { code: "OWN_AMENDMENT" } });
    expect(await send(china2, "amendment:stance", { proposalId: f.proposalId, amendmentId: a.id, stance: "SUPPORT" })).toMatchObject({ ok: false, error: { code: "OWN_AMENDMENT" } });
    expect(await send(chair, "amendment:stance", { proposalId: f.proposalId, amendmentId: a.id, stance: "SUPPORT" })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const jpn = await delegationId(f, "JPN");
    expect(await send(japan, "amendment:stance", { proposalId: f.proposalId, amendmentId: a.id, stance: "OBJECT" })).toMatchObject({ ok: true, amendment: { stances: [{ delegationId: jpn, stance: "OBJECT" }] } });
    expect(await send(japan, "amendment:stance", { proposalId: f.proposalId, amendmentId: a.id, stance: "SUPPORT" })).toMatchObject({ ok: true, amendment: { stances: [{ delegationId: jpn, stance: "SUPPORT" }] } });
    await eventually(() => amendmentsOf(chair).find((x) => x.id === a.id)?.stances.length === 1, "the stance to reach the chair");
    expect(await send(japan, "amendment:stance", { proposalId: f.proposalId, amendmentId: a.id, stance: null })).toMatchObject({ ok: true, amendment: { stances: [] } });
  });

  it("only the proposing delegation withdraws", async () => {
    const a = (await propose(china, f.proposalId, "share data", "exchange data")).amendment!;
    expect(await send(japan, "amendment:withdraw", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
    expect(await send(chair, "amendment:withdraw", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
    expect(await send(china2, "amendment:withdraw", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: true, amendment: { status: "WITHDRAWN" } });
    expect(await send(china, "amendment:withdraw", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: false, error: { code: "NOT_OPEN" } });
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "amendment.withdraw" } })).toBe(1);
  });

  it("the chair rejects: the text stays as it was", async () => {
    const a = (await propose(japan, f.proposalId, "every month", "every week")).amendment!;
    expect(await send(japan, "amendment:reject", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    expect(await send(chair, "amendment:reject", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: true, amendment: { status: "REJECTED" } });
    expect(await storedText(f.proposalId)).toContain("every month");
  });
});

describe("accepting", () => {
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

  it("puts the amendment into everyone's text as the proposing delegation's words; competing ones are superseded", async () => {
    const a = (await propose(china, f.proposalId, "agree to cooperate", "undertake to cooperate")).amendment!;
    const rival = (await propose(japan, f.proposalId, "agree", "consent")).amendment!;
    const apart = (await propose(japan, f.proposalId, "every month", "every quarter")).amendment!;
    expect(await send(china, "amendment:accept", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const rowsBefore = await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } });
    const res = await send(chair, "amendment:accept", { proposalId: f.proposalId, amendmentId: a.id });
    expect(res.ok).toBe(true);
    expect(Object.fromEntries(res.amendments!.map((x) => [x.id, x.status]))).toEqual({ [a.id]: "ACCEPTED", [rival.id]: "SUPERSEDED" });

    const expected = "The Parties undertake to cooperate on public health";
    for (const c of [chair, china, japan, watcher]) await eventually(() => textOf(c.doc).includes(expected), "the accepted text to reach every tab");
    expect(await storedText(f.proposalId)).toContain(expected);
    await eventually(() => amendmentsOf(watcher).find((x) => x.id === rival.id)?.status === "SUPERSEDED", "the superseded one to be shown so");

    // The change is the proposer's: its journal row and its Yjs client belong to China's delegate.
    const chn = await delegationId(f, "CHN");
    await expectOneChangeCreditedTo(s.db, f.proposalId, rowsBefore, { userId: f.users.china, delegationId: chn });

    // A version of the text after it, written by China, listing what is still open.
    const version = await s.db.version.findFirstOrThrow({ where: { proposalId: f.proposalId }, orderBy: { number: "desc" } });
    expect(version.label).toBe("Amendment accepted (CHN)");
    expect(version.text).toContain(expected);
    expect(JSON.parse(version.contributors)).toContain(chn);
    expect((JSON.parse(version.openAmendments) as { id: string }[]).map((x) => x.id)).toEqual([apart.id]);

    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "amendment.accept" } })).toBe(1);
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "amendment.supersede" } })).toBe(1);
    expect(await send(chair, "amendment:accept", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: false, error: { code: "NOT_OPEN" } });
  });

  it("is refused while a vote is open, and the text stays as it was", async () => {
    const a = (await propose(japan, f.proposalId, "public health", "health")).amendment!;
    await s.db.proposal.update({ where: { id: f.proposalId }, data: { state: "VOTING" } });
    s.server.live.proposalState(f.proposalId, "VOTING");
    try {
      expect(await send(chair, "amendment:accept", { proposalId: f.proposalId, amendmentId: a.id })).toMatchObject({ ok: false, error: { code: "WRONG_STATE" } });
      expect(await storedText(f.proposalId)).toContain("public health");
      expect((await s.db.amendment.findUniqueOrThrow({ where: { id: a.id } })).status).toBe("OPEN");
    } finally {
      await s.db.proposal.update({ where: { id: f.proposalId }, data: { state: "DRAFTING" } });
      s.server.live.proposalState(f.proposalId, "DRAFTING");
    }
  });

  it("accepts all of a delegation's open amendments in text order, skipping those an earlier one overtook", async () => {
    await s.db.amendment.updateMany({ where: { proposalId: f.proposalId, status: "OPEN" }, data: { status: "WITHDRAWN" } });
    // Proposed out of text order; the third starts where the second does, overlaps it, and loses to it.
    const late = (await propose(japan, f.proposalId, "share data", "publish data")).amendment!;
    const early = (await propose(japan, f.proposalId, "cooperate on", "work together on")).amendment!;
    const overlapping = (await propose(japan, f.proposalId, "cooperate", "collaborate")).amendment!;
    const others = (await propose(china, f.proposalId, "every month", "every week")).amendment!;
    const jpn = await delegationId(f, "JPN");
    expect(await send(japan, "amendment:accept-all", { proposalId: f.proposalId, delegationId: jpn })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });

    const res = await send(chair, "amendment:accept-all", { proposalId: f.proposalId, delegationId: jpn });
    expect(res.ok).toBe(true);
    expect(Object.fromEntries(res.amendments!.map((x) => [x.id, x.status]))).toEqual({ [early.id]: "ACCEPTED", [late.id]: "ACCEPTED", [overlapping.id]: "SUPERSEDED" });
    const expected = "work together on public health and to publish data every month.";
    for (const c of [chair, china, watcher]) await eventually(() => textOf(c.doc).includes(expected), "the accepted text to reach every tab");
    expect(await storedText(f.proposalId)).toContain(expected);
    expect((await s.db.amendment.findUniqueOrThrow({ where: { id: others.id } })).status).toBe("OPEN");
    const last = await s.db.documentUpdate.findFirstOrThrow({ where: { proposalId: f.proposalId }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ userId: f.users.japan, delegationId: jpn });
    // Another workshop's delegation is unknown here.
    const outsiderDelegation = await s.db.delegation.create({ data: { workshopId: (await s.db.workshop.create({ data: { title: "Elsewhere" } })).id, name: "Elsewhere", code: "ELS", colour: "#000000" } });
    expect(await send(chair, "amendment:accept-all", { proposalId: f.proposalId, delegationId: outsiderDelegation.id })).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });

  it("a version lists the amendments open when it was cut, and its page shows them", async () => {
    const open1 = (await propose(china, f.proposalId, "public health", "global health", { reason: "Wider scope." })).amendment!;
    const version = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Before lunch" });
    const read = await getVersion({ db: s.db, userId: f.users.observer, proposalId: f.proposalId, number: version!.number });
    const listed = read.openAmendments.map((x) => x.id);
    expect(listed).toContain(open1.id);
    expect(read.openAmendments.find((x) => x.id === open1.id)).toEqual({
      id: open1.id,
      delegation: { code: "CHN", name: "China" },
      author: "Li Wei",
      passage: "public health",
      insert: "global health",
      reason: "Wider scope.",
    });
    // Decided later, the amendment stays listed on that version as it was.
    await send(chair, "amendment:reject", { proposalId: f.proposalId, amendmentId: open1.id });
    const again = await getVersion({ db: s.db, userId: f.users.observer, proposalId: f.proposalId, number: version!.number });
    expect(again.openAmendments.map((x) => x.id)).toContain(open1.id);
  });
});

describe("what an amendment may be, and what may be accepted", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(s.db, OPENING);
  });

  it("refuses a line break (an amendment changes one paragraph): named, nothing stored", async () => {
    const china = await client(f.users.china, f.proposalId);
    for (const insert of ["and\nmore", "two\r\nlines", "a\u2028b"]) {
      expect(await propose(china, f.proposalId, "every month", insert)).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    }
    expect(await s.db.amendment.count({ where: { proposalId: f.proposalId } })).toBe(0);
  });

  it("refuses to accept words whose passage was edited since they were proposed (PASSAGE_CHANGED), text untouched", async () => {
    const chair = await client(f.users.chair, f.proposalId);
    const china = await client(f.users.china, f.proposalId);
    const proposed = await propose(china, f.proposalId, "public health", "health security");
    expect(proposed.ok).toBe(true);
    // Open drafting goes on: the chair types inside the passage.
    const block = textBlocks(chair.doc)[0]!;
    block.insert(blockText(block).indexOf("health"), "animal and ");
    await eventually(() => textOf(china.doc).includes("public animal and health"), "the chair's edit to reach China");
    const before = await storedText(f.proposalId);
    expect(before).toContain("public animal and health");
    expect(await send(chair, "amendment:accept", { proposalId: f.proposalId, amendmentId: proposed.amendment!.id })).toMatchObject({
      ok: false,
      error: { code: "PASSAGE_CHANGED" },
    });
    expect(await storedText(f.proposalId)).toBe(before);
    expect((await s.db.amendment.findUniqueOrThrow({ where: { id: proposed.amendment!.id } })).status).toBe("OPEN");
  });

  it("its author, moved to another delegation, can no longer rewrite it", async () => {
    const china = await client(f.users.china, f.proposalId);
    const key = newKey();
    const anchors = around(china.doc, "cooperate");
    expect((await send(china, "amendment:put", { proposalId: f.proposalId, key, ...anchors, insert: "work together" })).ok).toBe(true);
    const japanId = await delegationId(f, "JPN");
    await s.db.member.updateMany({ where: { workshopId: f.workshopId, userId: f.users.china }, data: { delegationId: japanId } });
    const moved = await client(f.users.china, f.proposalId);
    expect(await send(moved, "amendment:put", { proposalId: f.proposalId, key, ...anchors, insert: "collaborate" })).toMatchObject({
      ok: false,
      error: { code: "NOT_YOURS" },
    });
    expect((await s.db.amendment.findFirstOrThrow({ where: { proposalId: f.proposalId, key } })).insertText).toBe("work together");
  });
});
