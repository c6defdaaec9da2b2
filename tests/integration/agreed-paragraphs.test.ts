// Agreed paragraphs are protected on the server, whatever the change: a tab's Yjs update (typing,
// a paste), an amendment put or accepted, a restore. Over a real server, real sockets and a real
// SQLite database. A paragraph is agreed here the way the drafting use case does it underneath:
// its ClauseState row is written, and the rooms are told the agreed keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { anchorAt, blockText, textBlocks } from "../../lib/document/anchors";
import { clauseUnits } from "../../lib/document/clauses";
import { docFromState, stateFromPmJson } from "../../lib/document/convert";
import type { ClauseStatus } from "../../lib/domain/vocabulary";
import { isAppError } from "../../lib/errors";
import type { AmendmentView } from "../../lib/protocol";
import { loadDocumentState } from "../../server/document-store/load-document";
import { recordStartingDraft } from "../../server/document-store/starting-draft";
import { restoreVersion } from "../../server/services/history/restore-version";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { sendEvent } from "../helpers/amendment-client";
import { editorUpdate, para, text } from "../helpers/editor-edits";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, startTestServer, type TestClient, type TestServer } from "../helpers/test-server";

let s: TestServer;
let f: Fixture;
const open: TestClient[] = [];

beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db);
});
afterAll(async () => {
  for (const c of open) c.close();
  await s.close();
});

const A = "The Parties recall the treaty.";
const B = "The Parties agree to share data every month.";
const C = "The Parties request a report.";
const D = "The Parties decide to remain seized.";

type Ack = { ok: boolean; error?: { code: string; message: string }; amendment?: AmendmentView | null; amendments?: AmendmentView[] };

/** A proposal of four paragraphs, and their keys (the same in every replica of it). */
async function proposal(title: string) {
  const state = stateFromPmJson({ type: "doc", content: [A, B, C, D].map((t) => para(text(t))) });
  const p = await s.db.proposal.create({ data: { workshopId: f.workshopId, title, position: 10 } });
  await recordStartingDraft(s.db, { proposalId: p.id, state, owner: { userId: f.users.chair, delegationId: null } });
  const doc = docFromState(state);
  const [a, b, c, d] = clauseUnits(doc).map((u) => u.key);
  doc.destroy();
  return { id: p.id, keys: { A: a!, B: b!, C: c!, D: d! } };
}

async function client(userId: string, proposalId: string): Promise<TestClient> {
  const c = await openClient(s, userId, proposalId);
  open.push(c);
  return c;
}

/** Writes the paragraph's status, then tells the rooms every agreed key (as the use case will). */
async function setStatus(proposalId: string, clauseKey: string, status: ClauseStatus, opts: { tellRooms?: boolean } = {}): Promise<void> {
  await s.db.clauseState.upsert({ where: { proposalId_clauseKey: { proposalId, clauseKey } }, create: { proposalId, clauseKey, status }, update: { status } });
  if (opts.tellRooms === false) return;
  const agreed = await s.db.clauseState.findMany({ where: { proposalId, status: { in: ["AGREED", "AGREED_AD_REFERENDUM"] } }, select: { clauseKey: true } });
  s.server.rooms.setAgreedKeys(proposalId, agreed.map((r) => r.clauseKey));
}

/**
 * A Yjs update made by hand on a copy of the tab's text (as a tab that ignores the margin would
 * send it), with a client id of its own so the tab's own later edits never collide with it.
 */
function handMade(c: TestClient, change: (blocks: Y.XmlText[]) => void): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  const sv = Y.encodeStateVector(copy);
  copy.transact(() => change(textBlocks(copy)));
  const update = Y.encodeStateAsUpdate(copy, sv);
  copy.destroy();
  return update;
}

function sendUpdate(c: TestClient, proposalId: string, update: Uint8Array): Promise<Ack> {
  return sendEvent<Ack>(c, "doc:update", { proposalId, update }, 10_000);
}

function send(c: TestClient, event: string, payload: Record<string, unknown>): Promise<Ack> {
  return sendEvent<Ack>(c, event, payload, 10_000);
}

/** Anchors around `passage` in paragraph `n` of the tab's text. */
function around(c: TestClient, n: number, passage: string): { from: Uint8Array; to: Uint8Array } {
  const block = textBlocks(c.doc)[n]!;
  const at = blockText(block).indexOf(passage);
  if (at < 0) throw new Error(`"${passage}" is not in paragraph ${n}`);
  return { from: anchorAt(block, at), to: anchorAt(block, at + passage.length) };
}

const paragraphs = (doc: Y.Doc) => textBlocks(doc).map(blockText);

async function storedParagraphs(proposalId: string): Promise<string[]> {
  await s.server.rooms.journal.drain();
  const doc = docFromState((await loadDocumentState({ db: s.db, proposalId })).state);
  const out = paragraphs(doc);
  doc.destroy();
  return out;
}

async function journalRows(proposalId: string): Promise<number> {
  await s.server.rooms.journal.drain();
  return s.db.documentUpdate.count({ where: { proposalId } });
}

let keys = 0;
const newKey = () => `agreed-${Date.now().toString(36)}-${keys++}`;

describe("a tab's changes", () => {
  let p: Awaited<ReturnType<typeof proposal>>;
  let chair: TestClient, china: TestClient, watcher: TestClient;
  beforeAll(async () => {
    p = await proposal("Typing");
    chair = await client(f.users.chair, p.id);
    china = await client(f.users.china, p.id);
    watcher = await client(f.users.observer, p.id);
    await setStatus(p.id, p.keys.B, "AGREED");
  });

  it("typing inside an agreed paragraph is refused: not applied, not relayed, not journaled", async () => {
    const rows = await journalRows(p.id);
    for (const [who, c] of [["a delegate", china], ["the chair", chair]] as const) {
      const update = handMade(c, (blocks) => blocks[1]!.insert(12, "typed anyway "));
      expect(await sendUpdate(c, p.id, update), who).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
    }
    await new Promise((r) => setTimeout(r, 150));
    expect(paragraphs(s.server.rooms.peek(p.id)!.doc)[1]).toBe(B);
    expect(paragraphs(watcher.doc)[1]).toBe(B);
    expect(await journalRows(p.id)).toBe(rows);
    expect((await storedParagraphs(p.id))[1]).toBe(B);
  });

  it("typing in another paragraph is accepted, relayed and journaled", async () => {
    const rows = await journalRows(p.id);
    const update = handMade(china, (blocks) => blocks[2]!.insert(C.length - 1, " soon"));
    expect(await sendUpdate(china, p.id, update)).toMatchObject({ ok: true });
    await eventually(() => paragraphs(watcher.doc)[2] === "The Parties request a report soon.", "the edit to reach the watcher");
    expect(await journalRows(p.id)).toBe(rows + 1);
    // A new paragraph right after the agreed one touches no existing paragraph.
    const tab = await client(f.users.china, p.id);
    tab.doc.transact(() => {
      const fresh = new Y.XmlElement("paragraph");
      fresh.insert(0, [new Y.XmlText("A new paragraph.")]);
      tab.doc.getXmlFragment("default").insert(2, [fresh]);
    });
    await tab.provider.whenSaved();
    await eventually(() => paragraphs(watcher.doc)[2] === "A new paragraph.", "the new paragraph to reach the watcher");
    expect(paragraphs(watcher.doc)[1]).toBe(B);
  });

  it("a paste that spans from the paragraph before into the agreed one is refused", async () => {
    const update = handMade(china, (blocks) => {
      // Select from "treaty." in A to "agree" in B and paste over it: A's end and B's start go.
      blocks[0]!.delete(A.indexOf("treaty"), A.length - A.indexOf("treaty"));
      blocks[1]!.delete(0, B.indexOf("agree"));
      blocks[0]!.insert(A.indexOf("treaty"), "pasted words ");
    });
    expect(await sendUpdate(china, p.id, update)).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
    const room = paragraphs(s.server.rooms.peek(p.id)!.doc);
    expect([room[0], room[1]]).toEqual([A, B]);
  });

  it("deleting the agreed paragraph, or merging its neighbour into it, is refused", async () => {
    const deleted = editorUpdate(china.doc, (blocks) => [blocks[0]!, ...blocks.slice(2)]);
    // Backspace at the start of the agreed paragraph: the one before takes its text.
    const merged = editorUpdate(china.doc, (blocks) => [para(text(`${A} ${B}`)), ...blocks.slice(2)]);
    for (const update of [deleted, merged]) expect(await sendUpdate(china, p.id, update)).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
    const room = paragraphs(s.server.rooms.peek(p.id)!.doc);
    expect([room[0], room[1]]).toEqual([A, B]);
  });

  it("is accepted again once the paragraph is reopened", async () => {
    await setStatus(p.id, p.keys.B, "OPEN");
    const update = handMade(china, (blocks) => blocks[1]!.insert(0, "Now "));
    expect(await sendUpdate(china, p.id, update)).toMatchObject({ ok: true });
    await eventually(() => paragraphs(watcher.doc)[1] === `Now ${B}`, "the edit to reach the watcher");
  });
});

describe("a room loaded after the paragraph was agreed", () => {
  it("reads the agreed paragraphs (ad referendum too) from the database", async () => {
    const p = await proposal("Loaded");
    // Written before anyone opens the text: the room learns it when it loads.
    await setStatus(p.id, p.keys.C, "AGREED_AD_REFERENDUM", { tellRooms: false });
    const china = await client(f.users.china, p.id);
    const update = handMade(china, (blocks) => blocks[2]!.insert(0, "Never "));
    expect(await sendUpdate(china, p.id, update)).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
    expect(await storedParagraphs(p.id)).toEqual([A, B, C, D]);
  });
});

describe("amendments", () => {
  let p: Awaited<ReturnType<typeof proposal>>;
  let chair: TestClient, china: TestClient;
  beforeAll(async () => {
    p = await proposal("Amendments");
    chair = await client(f.users.chair, p.id);
    china = await client(f.users.china, p.id);
  });

  it("one put inside an agreed paragraph is refused; one elsewhere is stored", async () => {
    await setStatus(p.id, p.keys.B, "AGREED");
    expect(await send(china, "amendment:put", { proposalId: p.id, key: newKey(), ...around(china, 1, "every month"), insert: "every week" })).toMatchObject({
      ok: false,
      error: { code: "PARAGRAPH_AGREED" },
    });
    expect(await s.db.amendment.count({ where: { proposalId: p.id, passage: "every month" } })).toBe(0);
    expect(await send(china, "amendment:put", { proposalId: p.id, key: newKey(), ...around(china, 3, "remain seized"), insert: "stay seized" })).toMatchObject({ ok: true });
  });

  it("revising one's own amendment once its paragraph is agreed is refused (the typing path too)", async () => {
    const key = newKey();
    const first = await send(china, "amendment:put", { proposalId: p.id, key, ...around(china, 2, "a report"), insert: "a study" });
    expect(first.ok).toBe(true);
    await setStatus(p.id, p.keys.C, "AGREED");
    // Same amendment, same anchors, new words: what the panel sends as its author types.
    expect(await send(china, "amendment:put", { proposalId: p.id, key, ...around(china, 2, "a report"), insert: "a full study" })).toMatchObject({
      ok: false,
      error: { code: "PARAGRAPH_AGREED" },
    });
    expect((await s.db.amendment.findUniqueOrThrow({ where: { id: first.amendment!.id } })).insertText).toBe("a study");
  });

  it("accepting an amendment proposed before the paragraph was agreed is refused; the text stays", async () => {
    await setStatus(p.id, p.keys.A, "OPEN");
    const proposed = await send(china, "amendment:put", { proposalId: p.id, key: newKey(), ...around(china, 0, "recall"), insert: "recall and reaffirm" });
    expect(proposed.ok).toBe(true);
    await setStatus(p.id, p.keys.A, "AGREED");
    const rows = await journalRows(p.id);
    expect(await send(chair, "amendment:accept", { proposalId: p.id, amendmentId: proposed.amendment!.id })).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
    expect((await s.db.amendment.findUniqueOrThrow({ where: { id: proposed.amendment!.id } })).status).toBe("OPEN");
    expect(await journalRows(p.id)).toBe(rows);
    expect((await storedParagraphs(p.id))[0]).toBe(A);
    // Reopened, it can be accepted.
    await setStatus(p.id, p.keys.A, "OPEN");
    expect(await send(chair, "amendment:accept", { proposalId: p.id, amendmentId: proposed.amendment!.id })).toMatchObject({ ok: true });
    await eventually(() => paragraphs(chair.doc)[0] === "The Parties recall and reaffirm the treaty.", "the accepted text to reach the chair");
  });
});

describe("restoring a version", () => {
  it("that changes an agreed paragraph is refused without confirmation, and applied (and audited) with it", async () => {
    const p = await proposal("Restore");
    const chair = await client(f.users.chair, p.id);
    const v1 = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: p.id, label: "Before" });
    // B and D change after version 1, then both are agreed.
    chair.doc.transact(() => {
      textBlocks(chair.doc)[1]!.insert(B.length - 1, " and every week");
      textBlocks(chair.doc)[3]!.insert(0, "Finally, ");
    });
    await chair.provider.whenSaved();
    await setStatus(p.id, p.keys.B, "AGREED");
    await setStatus(p.id, p.keys.D, "AGREED_AD_REFERENDUM");
    const before = await storedParagraphs(p.id);
    const versions = await s.db.version.count({ where: { proposalId: p.id } });

    const refused = await restoreVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: p.id, number: v1.number }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(isAppError(refused) && { code: refused.code, message: refused.message }).toEqual({
      code: "RESTORE_CHANGES_AGREED",
      message: expect.stringContaining("2 agreed paragraphs"),
    });
    expect(await storedParagraphs(p.id)).toEqual(before);
    expect(await s.db.version.count({ where: { proposalId: p.id } })).toBe(versions);
    expect(await s.db.auditEvent.count({ where: { proposalId: p.id, action: "version.restore" } })).toBe(0);

    const restored = await restoreVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: p.id, number: v1.number, confirmAgreed: true });
    expect(await storedParagraphs(p.id)).toEqual([A, B, C, D]);
    await eventually(() => paragraphs(chair.doc)[1] === B, "the restore to reach the chair");
    const audit = await s.db.auditEvent.findFirstOrThrow({ where: { proposalId: p.id, action: "version.restore" } });
    expect(JSON.parse(audit.detail)).toEqual({ from: v1.number, to: restored.number, agreedChanged: 2 });
    // The paragraphs keep their keys through the restore: still agreed, still protected.
    const update = handMade(chair, (blocks) => blocks[1]!.insert(0, "Still "));
    expect(await sendUpdate(chair, p.id, update)).toMatchObject({ ok: false, error: { code: "PARAGRAPH_AGREED" } });
  });

  it("that changes no agreed paragraph needs no confirmation", async () => {
    const p = await proposal("Restore elsewhere");
    const chair = await client(f.users.chair, p.id);
    const v1 = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: p.id, label: "Before" });
    textBlocks(chair.doc)[2]!.insert(0, "Also, ");
    await chair.provider.whenSaved();
    await setStatus(p.id, p.keys.B, "AGREED");
    const restored = await restoreVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: p.id, number: v1.number });
    expect(await storedParagraphs(p.id)).toEqual([A, B, C, D]);
    const audit = await s.db.auditEvent.findFirstOrThrow({ where: { proposalId: p.id, action: "version.restore" } });
    expect(JSON.parse(audit.detail)).toEqual({ from: v1.number, to: restored.number });
  });
});
