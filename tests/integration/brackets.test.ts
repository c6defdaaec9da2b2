// Brackets over a real server and real sockets: a delegation brackets a passage (the server
// reads the passage in its own text), others join it, propose and support options; the chair
// agrees on an option (the words replace the passage as the proposing delegation's, with a
// version) or lifts the bracket; the last holder's withdrawal withdraws it. Bad input is refused
// with a named error and changes nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { docFromState } from "../../lib/document/convert";
import { loadDocumentState } from "../../server/document-store/load-document";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { anchorsOf, draftingOf, keysOf, send } from "../helpers/drafting-client";
import { serverSuite } from "../helpers/server-suite";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, textOf, type TestClient, type TestServer } from "../helpers/test-server";
import { expectOneChangeCreditedTo } from "../helpers/credited-change";

const suite = serverSuite();
let s: TestServer;
beforeAll(() => {
  s = suite.server;
});

const OPENING = "The Parties agree to cooperate on public health and to share data every month.";

const client = (userId: string, proposalId: string): Promise<TestClient> => suite.client(userId, proposalId);

async function storedText(proposalId: string): Promise<string> {
  await s.server.rooms.journal.drain();
  return textOf(docFromState((await loadDocumentState({ db: s.db, proposalId })).state));
}

async function delegationId(f: Fixture, code: string): Promise<string> {
  return (await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code } })).id;
}

/** Everything a refused call must leave as it was. */
async function footprint(proposalId: string) {
  const [brackets, holders, options, supports, audit, updates] = await Promise.all([
    s.db.bracket.findMany({ where: { proposalId }, select: { id: true, status: true, reason: true }, orderBy: { id: "asc" } }),
    s.db.bracketHolder.count({ where: { bracket: { proposalId } } }),
    s.db.bracketOption.count({ where: { bracket: { proposalId } } }),
    s.db.optionSupport.count({ where: { option: { bracket: { proposalId } } } }),
    s.db.auditEvent.count({ where: { proposalId } }),
    s.db.documentUpdate.count({ where: { proposalId } }),
  ]);
  return { brackets, holders, options, supports, audit, updates };
}

describe("brackets", () => {
  let f: Fixture;
  let chair: TestClient, china: TestClient, china2: TestClient, japan: TestClient, watcher: TestClient;
  let chn: string, jpn: string;
  /** China's bracket on "share data", the one options are proposed for. */
  let shared: string;

  beforeAll(async () => {
    f = await createFixture(s.db, OPENING);
    chair = await client(f.users.chair, f.proposalId);
    china = await client(f.users.china, f.proposalId);
    china2 = await client(f.users.china2, f.proposalId);
    japan = await client(f.users.japan, f.proposalId);
    watcher = await client(f.users.observer, f.proposalId);
    chn = await delegationId(f, "CHN");
    jpn = await delegationId(f, "JPN");
  });

  it("is placed by a delegation on a passage the server reads, held by it, and seen by everyone", async () => {
    // Fields a tab has no business sending are not read: delegation, passage and placer are the server's.
    const res = await send(china, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(china.doc, "share data"), reason: "Awaiting instructions.", delegationId: jpn, passage: "forged" });
    expect(res.ok).toBe(true);
    const b = res.bracket!;
    expect(b).toMatchObject({ passage: "share data", reason: "Awaiting instructions.", status: "OPEN", holders: [chn], placedBy: { id: f.users.china }, options: [] });
    expect(b.delegation).toMatchObject({ id: chn, code: "CHN" });
    expect(b.clauseKey).toBe(keysOf(china)[0]);
    shared = b.id;
    await eventually(() => draftingOf(watcher).brackets.some((x) => x.id === shared), "the observer's tab to see the bracket");
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "bracket.place" } })).toBe(1);

    // A tab opened now is sent it on joining.
    const later = await client(f.users.observer, f.proposalId);
    expect(draftingOf(later).brackets.map((x) => x.id)).toContain(shared);
  });

  it("refuses a passage overlapping an open bracket, and an empty one; a separate passage is fine", async () => {
    const before = await footprint(f.proposalId);
    expect(await send(japan, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(japan.doc, "data every") })).toMatchObject({ ok: false, error: { code: "BRACKET_OVERLAPS" } });
    expect(await send(japan, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(japan.doc, "to share data every month") })).toMatchObject({ ok: false, error: { code: "BRACKET_OVERLAPS" } });
    const at = anchorsOf(japan.doc, "share").from;
    const empty = await send(japan, "bracket:place", { proposalId: f.proposalId, from: at, to: at });
    expect(empty).toMatchObject({ ok: false, error: { code: "INVALID_INPUT" } });
    expect(empty.error!.message).toMatch(/empty passage/);
    expect(await footprint(f.proposalId)).toEqual(before);
    // Touching is not overlapping.
    expect(await send(japan, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(japan.doc, " every month") })).toMatchObject({ ok: true, bracket: { passage: " every month", holders: [jpn] } });
  });

  it("is joined by another delegation, once", async () => {
    const res = await send(japan, "bracket:hold", { proposalId: f.proposalId, bracketId: shared, hold: true });
    expect(res).toMatchObject({ ok: true, bracket: { holders: [chn, jpn] } });
    expect(await send(japan, "bracket:hold", { proposalId: f.proposalId, bracketId: shared, hold: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    // China's other delegate speaks for the same delegation: it already holds it.
    expect(await send(china2, "bracket:hold", { proposalId: f.proposalId, bracketId: shared, hold: true })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await eventually(() => draftingOf(watcher).brackets.find((x) => x.id === shared)?.holders.length === 2, "the join to reach everyone");
    // Only the placing delegation gives the reason.
    expect(await send(japan, "bracket:reason", { proposalId: f.proposalId, bracketId: shared, reason: "Ours now." })).toMatchObject({ ok: false, error: { code: "NOT_YOURS" } });
    expect(await send(china2, "bracket:reason", { proposalId: f.proposalId, bracketId: shared, reason: "Pending capital." })).toMatchObject({ ok: true, bracket: { reason: "Pending capital." } });
  });

  it("gets options, each supported by its proposer's delegation; a delegation's support moves", async () => {
    const byJapan = await send(japan, "bracket:option", { proposalId: f.proposalId, bracketId: shared, text: "  exchange data  " });
    expect(byJapan.ok).toBe(true);
    const jOption = byJapan.bracket!.options[0]!;
    expect(jOption).toMatchObject({ text: "exchange data", supporters: [jpn], author: { id: f.users.japan } });
    const byChina = await send(china, "bracket:option", { proposalId: f.proposalId, bracketId: shared, text: "publish data" });
    const cOption = byChina.bracket!.options[1]!;
    expect(cOption.supporters).toEqual([chn]);

    // Japan comes round to China's wording: its support leaves its own option.
    const moved = await send(japan, "bracket:support", { proposalId: f.proposalId, bracketId: shared, optionId: cOption.id, support: true });
    expect(moved.bracket!.options.map((o) => o.supporters)).toEqual([[], [chn, jpn]]);
    // China's other delegate backs Japan's: China's one support moves there.
    const back = await send(china2, "bracket:support", { proposalId: f.proposalId, bracketId: shared, optionId: jOption.id, support: true });
    expect(back.bracket!.options.map((o) => o.supporters)).toEqual([[chn], [jpn]]);
    expect(await s.db.optionSupport.count({ where: { delegationId: chn, option: { bracketId: shared } } })).toBe(1);
    const withdrawn = await send(japan, "bracket:support", { proposalId: f.proposalId, bracketId: shared, optionId: cOption.id, support: false });
    expect(withdrawn.bracket!.options.map((o) => o.supporters)).toEqual([[chn], []]);
    await eventually(() => draftingOf(watcher).brackets.find((x) => x.id === shared)?.options.length === 2, "the options to reach everyone");
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "bracket.option" } })).toBe(2);
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "bracket.support" } })).toBe(3);
  });

  it("refuses bad input with a named error and changes nothing", async () => {
    // A bracket of another proposal, addressed under this one.
    const elsewhere = await client(f.users.china, f.otherProposalId);
    const other = (await send(elsewhere, "bracket:place", { proposalId: f.otherProposalId, ...anchorsOf(elsewhere.doc, "cooperate") })).bracket!;
    const option = (await s.db.bracketOption.findFirstOrThrow({ where: { bracketId: shared } })).id;
    const before = await footprint(f.proposalId);
    const cases: Array<[TestClient, string, Record<string, unknown>, string]> = [
      [japan, "bracket:hold", { bracketId: "no-such-bracket", hold: true }, "NOT_FOUND"],
      [japan, "bracket:hold", { bracketId: other.id, hold: true }, "NOT_FOUND"],
      [japan, "bracket:option", { bracketId: other.id, text: "elsewhere" }, "NOT_FOUND"],
      [japan, "bracket:support", { bracketId: shared, optionId: "no-such-option", support: true }, "NOT_FOUND"],
      [china, "bracket:agree", { bracketId: shared, optionId: option }, "FORBIDDEN"],
      [china, "bracket:lift", { bracketId: shared }, "FORBIDDEN"],
      [watcher, "bracket:place", { ...anchorsOf(watcher.doc, "public health") }, "FORBIDDEN"],
      [watcher, "bracket:hold", { bracketId: shared, hold: true }, "FORBIDDEN"],
      [watcher, "bracket:option", { bracketId: shared, text: "mine" }, "FORBIDDEN"],
      [chair, "bracket:place", { ...anchorsOf(chair.doc, "public health") }, "FORBIDDEN"],
      [chair, "bracket:agree", { bracketId: other.id, optionId: null }, "NOT_FOUND"],
      // Anchors of another proposal's text are not a passage of this one.
      [japan, "bracket:place", { ...anchorsOf(elsewhere.doc, "cooperate") }, "ANCHOR_NOT_FOUND"],
      [japan, "bracket:place", { from: new Uint8Array([1, 2, 3]), to: new Uint8Array([4]) }, "ANCHOR_NOT_FOUND"],
      // Malformed payloads never reach the use case.
      [japan, "bracket:hold", { bracketId: shared }, "INVALID_INPUT"],
      [japan, "bracket:option", { bracketId: shared, text: "two\nparagraphs" }, "INVALID_INPUT"],
      [japan, "bracket:option", { bracketId: shared, text: "   " }, "INVALID_INPUT"],
    ];
    for (const [who, event, payload, code] of cases) {
      const res = await send(who, event, { proposalId: f.proposalId, ...payload });
      expect({ event, payload, res: res.ok ? "ok" : res.error!.code }).toEqual({ event, payload, res: code });
    }
    expect(await footprint(f.proposalId)).toEqual(before);
  });

  it("is agreed on an option by the chair: the words replace the passage as the option's delegation's, with a version", async () => {
    const jOption = (await s.db.bracketOption.findFirstOrThrow({ where: { bracketId: shared, delegationId: jpn } })).id;
    const rowsBefore = await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } });
    const res = await send(chair, "bracket:agree", { proposalId: f.proposalId, bracketId: shared, optionId: jOption });
    expect(res).toMatchObject({ ok: true, bracket: { status: "AGREED", agreedOptionId: jOption, resolvedBy: { id: f.users.chair } } });

    const expected = "to exchange data every month";
    for (const c of [chair, china, japan, watcher]) await eventually(() => textOf(c.doc).includes(expected), "the agreed words to reach every tab");
    expect(await storedText(f.proposalId)).toContain(expected);
    await eventually(() => draftingOf(watcher).brackets.find((x) => x.id === shared)?.status === "AGREED", "the agreement to reach everyone");

    // The change is Japan's: its journal row and its Yjs client belong to the option's author.
    await expectOneChangeCreditedTo(s.db, f.proposalId, rowsBefore, { userId: f.users.japan, delegationId: jpn });
    const version = await s.db.version.findFirstOrThrow({ where: { proposalId: f.proposalId }, orderBy: { number: "desc" } });
    expect(version.label).toBe("Option agreed (JPN)");
    expect(version.text).toContain(expected);
    expect(JSON.parse(version.contributors)).toContain(jpn);
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "bracket.agree" } })).toBe(1);

    // Decided once: agreeing or lifting again is refused, the text untouched.
    expect(await send(chair, "bracket:agree", { proposalId: f.proposalId, bracketId: shared, optionId: null })).toMatchObject({ ok: false, error: { code: "BRACKET_CLOSED" } });
    expect(await send(japan, "bracket:option", { proposalId: f.proposalId, bracketId: shared, text: "too late" })).toMatchObject({ ok: false, error: { code: "BRACKET_CLOSED" } });
    expect(await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(rowsBefore + 1);
  });

  it("is lifted by the chair with the text as it stands", async () => {
    const monthly = (await s.db.bracket.findFirstOrThrow({ where: { proposalId: f.proposalId, passage: " every month" } })).id;
    const textBefore = await storedText(f.proposalId);
    const res = await send(chair, "bracket:lift", { proposalId: f.proposalId, bracketId: monthly });
    expect(res).toMatchObject({ ok: true, bracket: { status: "LIFTED", resolvedBy: { id: f.users.chair } } });
    expect(await storedText(f.proposalId)).toBe(textBefore);
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "bracket.lift" } })).toBe(1);
    expect(await send(japan, "bracket:hold", { proposalId: f.proposalId, bracketId: monthly, hold: false })).toMatchObject({ ok: false, error: { code: "BRACKET_CLOSED" } });
  });

  it("is withdrawn once its last holder withdraws", async () => {
    const b = (await send(china, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(china.doc, "public health") })).bracket!;
    await send(japan, "bracket:hold", { proposalId: f.proposalId, bracketId: b.id, hold: true });
    const first = await send(china2, "bracket:hold", { proposalId: f.proposalId, bracketId: b.id, hold: false });
    expect(first).toMatchObject({ ok: true, bracket: { status: "OPEN", holders: [jpn], resolvedAt: null } });
    expect(await send(china, "bracket:hold", { proposalId: f.proposalId, bracketId: b.id, hold: false })).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    const last = await send(japan, "bracket:hold", { proposalId: f.proposalId, bracketId: b.id, hold: false });
    expect(last).toMatchObject({ ok: true, bracket: { status: "WITHDRAWN", holders: [], resolvedBy: { id: f.users.japan } } });
    expect(last.bracket!.resolvedAt).not.toBeNull();
    await eventually(() => draftingOf(watcher).brackets.find((x) => x.id === b.id)?.status === "WITHDRAWN", "the withdrawal to reach everyone");
    const withdrawals = await s.db.auditEvent.findMany({ where: { proposalId: f.proposalId, action: "bracket.withdraw" }, orderBy: { createdAt: "asc" } });
    expect(withdrawals.map((e) => JSON.parse(e.detail).lifted)).toEqual([false, true]);
  });

  it("counts open brackets by delegation on the workshop board", async () => {
    const b = (await send(japan, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(japan.doc, "cooperate") })).bracket!;
    const board = await getWorkshopLive(s.db, f.workshopId, new Date());
    const progress = board.proposals.find((p) => p.id === f.proposalId)!.progress;
    expect(progress).toMatchObject({ paragraphs: 1, agreed: 0, openBrackets: 1, bracketsBy: [{ name: "Japan", count: 1 }] });
    // The other proposal's bracket is its own.
    expect(board.proposals.find((p) => p.id === f.otherProposalId)!.progress).toMatchObject({ openBrackets: 1, bracketsBy: [{ name: "China", count: 1 }] });
    await send(chair, "bracket:lift", { proposalId: f.proposalId, bracketId: b.id });
    const after = await getWorkshopLive(s.db, f.workshopId, new Date());
    expect(after.proposals.find((p) => p.id === f.proposalId)!.progress).toMatchObject({ paragraphs: 1, openBrackets: 0, bracketsBy: [] });
  });
});

describe("brackets in \"Amendments only\"", () => {
  it("are placed and given options by delegates whose typing is refused, and change no word", async () => {
    const f = await createFixture(s.db, OPENING);
    const chair = await client(f.users.chair, f.proposalId);
    const china = await client(f.users.china, f.proposalId);
    const japan = await client(f.users.japan, f.proposalId);
    expect(await send(chair, "proposal:mode", { proposalId: f.proposalId, mode: "AMENDMENTS" })).toMatchObject({ ok: true });
    const updatesBefore = await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } });

    const placed = await send(china, "bracket:place", { proposalId: f.proposalId, ...anchorsOf(china.doc, "every month") });
    expect(placed).toMatchObject({ ok: true, bracket: { passage: "every month", status: "OPEN" } });
    const option = await send(japan, "bracket:option", { proposalId: f.proposalId, bracketId: placed.bracket!.id, text: "every quarter" });
    expect(option).toMatchObject({ ok: true });
    expect(option.bracket!.options.map((o) => o.text)).toEqual(["every quarter"]);

    // The agreed wording is untouched: no journal row, the stored text as it was.
    expect(await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(updatesBefore);
    expect(await storedText(f.proposalId)).toBe(`<paragraph>${OPENING}</paragraph>`);
  });
});
