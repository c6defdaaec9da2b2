// Agenda items on a real SQLite database: "New proposal" (empty, pasted, imported through the
// worker), "Duplicate as new draft" and "Edit details". A new proposal is one unit — item,
// starting state, authorship ledger, version 1 "Starting draft", audit entry — stored whole or
// not at all; a file the importer cannot read is refused naming the field, and nothing is made.
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { docFromState, pmJsonOf, plainTextOf, stateFromPmJson } from "../../lib/document/convert";
import { MAX_IMPORT_FILE_BYTES } from "../../lib/document/starting-text";
import { isAppError } from "../../lib/errors";
import { closeImportPool, createImportPool } from "../../server/compute/import-pool";
import { loadDocumentState } from "../../server/document-store/load-document";
import { cutVersion, freezeText } from "../../server/services/history/cut-version";
import { getVersion } from "../../server/services/history/get-version";
import { silentNotifier, type LiveNotifier } from "../../server/services/live-notifier";
import { createProposal, startingTextFrom, type StartingTextInput } from "../../server/services/proposals/create-proposal";
import { duplicateAsNewDraft } from "../../server/services/proposals/duplicate-as-new-draft";
import { editProposalDetails } from "../../server/services/proposals/edit-proposal-details";
import { getProposalView } from "../../server/services/proposals/get-proposal-view";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createTestDb, type TestDb } from "../helpers/test-db";

const ZH = "各方同意建立区域公共卫生应急合作机制，共享疫情信息。";
const JA = "締約国は、中小企業の資金繰りを支援するため協力する。";
const FIXTURE_DOCX = new Uint8Array(readFileSync(new URL("../../e2e/fixtures/starting-draft.docx", import.meta.url)));

let t: TestDb;
let f: Fixture;
const changed: string[] = [];
const live: LiveNotifier = { ...silentNotifier, workshopChanged: (workshopId) => void changed.push(workshopId) };

beforeAll(async () => {
  // The injected fault is an SQLite trigger.
  t = await createTestDb({ engine: "sqlite" });
  f = await createFixture(t.db, "Opening text.");
});
afterAll(async () => {
  await closeImportPool();
  await t.cleanup();
});
beforeEach(() => void (changed.length = 0));

const create = (userId: string, title: string, start: StartingTextInput, extra: { summary?: string; convert?: Parameters<typeof createProposal>[0]["convert"] } = {}) =>
  createProposal({ db: t.db, live, userId, workshopId: f.workshopId, input: { title, summary: extra.summary, start }, now: new Date(), convert: extra.convert });

async function counts() {
  return {
    proposals: await t.db.proposal.count(),
    checkpoints: await t.db.documentCheckpoint.count(),
    ledger: await t.db.documentClient.count(),
    versions: await t.db.version.count(),
    audit: await t.db.auditEvent.count(),
  };
}

/** The error a call was refused with: its code and message. */
async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e)) return `${e.code} ${e.message}`;
    throw e;
  }
  throw new Error("expected a refusal");
}

async function storedText(proposalId: string): Promise<string> {
  return plainTextOf(pmJsonOf(docFromState((await loadDocumentState({ db: t.db, proposalId })).state)));
}

describe("New proposal", () => {
  it("adds an empty proposal last on the agenda: starting state, version 1 “Starting draft” by the chair, ledger, audit, live agenda", async () => {
    const { proposalId } = await create(f.users.chair, "  Industrial-chain security  ", { kind: "empty" }, { summary: "Warning and assessment." });
    const p = await t.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(p).toMatchObject({ title: "Industrial-chain security", summary: "Warning and assessment.", state: "DRAFTING", basedOnProposalId: null });
    expect(p.position).toBe((await t.db.proposal.aggregate({ where: { workshopId: f.workshopId }, _max: { position: true } }))._max.position);
    expect(p.position).toBeGreaterThanOrEqual(2);

    const versions = await t.db.version.findMany({ where: { proposalId } });
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ number: 1, kind: "NAMED", label: "Starting draft", authorId: f.users.chair, text: "", prevHash: null, contributors: "[]" });
    // The starting text's Yjs client ids are the chair's: no delegate who edits later can claim them.
    const ledger = await t.db.documentClient.findMany({ where: { proposalId } });
    expect(ledger.length).toBeGreaterThan(0);
    expect(ledger.every((c) => c.userId === f.users.chair && c.delegationId === null)).toBe(true);
    // One empty paragraph, never an empty fragment.
    expect(pmJsonOf(docFromState((await loadDocumentState({ db: t.db, proposalId })).state))).toEqual({ type: "doc", content: [{ type: "paragraph" }] });

    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { proposalId, action: "proposal.create" } });
    expect(audit.actorId).toBe(f.users.chair);
    expect(JSON.parse(audit.detail)).toEqual({ title: "Industrial-chain security", source: "empty" });
    expect(changed).toEqual([f.workshopId]);
    const board = await getWorkshopLive(t.db, f.workshopId, new Date());
    expect(board.proposals.at(-1)).toMatchObject({ id: proposalId, title: "Industrial-chain security", summary: "Warning and assessment." });
  });

  it("imports a Word file in the worker: heading, numbered clauses, bold and italic, Chinese and Japanese exactly", async () => {
    const { proposalId } = await create(f.users.chair, "Public-health cooperation", { kind: "file", name: "starting-draft.docx", bytes: FIXTURE_DOCX });
    const view = await getProposalView({ db: t.db, userId: f.users.china, proposalId });
    const blocks = view.content.content ?? [];
    expect(blocks.map((b) => b.type)).toEqual(["heading", "paragraph", "orderedList", "paragraph", "paragraph"]);
    expect(blocks[1]!.content!.filter((n) => n.marks?.some((m) => m.type === "bold")).map((n) => n.text)).toEqual(["agree"]);
    expect(blocks[1]!.content!.filter((n) => n.marks?.some((m) => m.type === "italic")).map((n) => n.text)).toEqual(["early-warning data"]);
    expect(blocks[2]!.content).toHaveLength(2);
    const text = await storedText(proposalId);
    expect(text.split("\n")).toEqual([
      "Regional Public-Health Cooperation Mechanism",
      "The Parties agree to share early-warning data within 24 hours.",
      "1. Establish a joint liaison office.",
      "2. Hold quarterly expert meetings.",
      ZH,
      JA,
    ]);
    // Version 1 is that text, as everyone's history shows it.
    const v1 = await getVersion({ db: t.db, userId: f.users.observer, proposalId, number: 1 });
    expect(v1.label).toBe("Starting draft");
    expect(v1.content).toEqual(view.content);
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { proposalId, action: "proposal.create" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ source: "file", file: "starting-draft.docx" });
  });

  it("reads pasted Markdown and plain text, and Markdown and text files", async () => {
    const md = await create(f.users.chair, "From Markdown", { kind: "paste", format: "markdown", text: `# Article 1\n\n1. ${ZH}\n2. **${JA}**` });
    expect(await storedText(md.proposalId)).toBe(`Article 1\n1. ${ZH}\n2. ${JA}`);
    const txt = await create(f.users.chair, "From text", { kind: "paste", format: "text", text: `# stays text\n\n${JA}\r\n` });
    expect(await storedText(txt.proposalId)).toBe(`# stays text\n${JA}`);
    const file = await create(f.users.chair, "From a .md file", { kind: "file", name: "Draft.MD", bytes: new TextEncoder().encode(`## ${ZH}\n`) });
    expect((await getProposalView({ db: t.db, userId: f.users.chair, proposalId: file.proposalId })).content.content?.[0]).toMatchObject({ type: "heading", attrs: { level: 2 } }); // the file's top heading, whatever its level, is a section heading
  });

  it("attributes the starting draft to the chair's delegation when the chair sits in one", async () => {
    const jpn = await t.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code: "JPN" } });
    const u = await t.db.user.create({ data: { email: `co-chair-${Date.now()}@accord.example`, name: "Co-chair", passwordHash: "unused" } });
    await t.db.member.create({ data: { workshopId: f.workshopId, userId: u.id, role: "MODERATOR", delegationId: jpn.id } });
    const { proposalId } = await create(u.id, "Japan's draft", { kind: "paste", format: "text", text: JA });
    const ledger = await t.db.documentClient.findMany({ where: { proposalId } });
    expect(ledger.every((c) => c.userId === u.id && c.delegationId === jpn.id)).toBe(true);
    const v1 = await t.db.version.findFirstOrThrow({ where: { proposalId, number: 1 } });
    expect(JSON.parse(v1.contributors)).toEqual([jpn.id]);
  });

  describe("refuses, naming the field, and creates nothing", () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    it.each<[string, () => StartingTextInput, string, RegExp]>([
      ["a damaged .docx", () => ({ kind: "file", name: "draft.docx", bytes: enc("PK\u0003\u0004 not really a zip") }), "Draft", /^INVALID_INPUT Import text: the Word document could not be read/],
      ["a PDF renamed .docx", () => ({ kind: "file", name: "draft.docx", bytes: enc("%PDF-1.7") }), "Draft", /^INVALID_INPUT Import text: the file is not a Word document/],
      ["a file type the importer does not read", () => ({ kind: "file", name: "scan.pdf", bytes: enc("%PDF-1.7") }), "Draft", /^INVALID_INPUT Import text: choose a Word \(\.docx\), Markdown \(\.md\) or text \(\.txt\) file/],
      ["a binary file named .txt", () => ({ kind: "file", name: "photo.txt", bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70]) }), "Draft", /^INVALID_INPUT Import text: the file is not text/],
      ["an empty file", () => ({ kind: "file", name: "empty.md", bytes: new Uint8Array() }), "Draft", /^INVALID_INPUT Import text: the file is empty/],
      ["a file over 2 MB", () => ({ kind: "file", name: "big.txt", bytes: new Uint8Array(MAX_IMPORT_FILE_BYTES + 1).fill(0x61) }), "Draft", /^INVALID_INPUT Import text: the file is larger than 2 MB, the most that can be imported/],
      ["pasted text over the limit", () => ({ kind: "paste", format: "text", text: "x".repeat(200_001) }), "Draft", /^INVALID_INPUT Paste text: the text is 200,001 characters long/],
      ["no title", () => ({ kind: "empty" }), "   ", /^INVALID_INPUT Title: enter a title\./],
      ["a title over 200 characters", () => ({ kind: "empty" }), "T".repeat(201), /^INVALID_INPUT Title: keep it to 200 characters\./],
    ])("%s", async (_, start, title, message) => {
      const before = await counts();
      expect(await refusal(() => create(f.users.chair, title, start()))).toMatch(message);
      expect(await counts()).toEqual(before);
      expect(changed).toEqual([]);
    });

    it("pasted text and a file at once", () => {
      expect(() => startingTextFrom({ text: "Some text", format: "text", file: { name: "a.txt", bytes: new Uint8Array([0x61]) } })).toThrow(/^Paste text: use pasted text or an imported file, not both/);
      expect(startingTextFrom({ text: "   ", format: "markdown", file: null })).toEqual({ kind: "empty" });
      expect(() => startingTextFrom({ text: "x", format: "html" })).toThrow(/^Paste text: choose plain text or Markdown/);
    });

    it("a conversion that overruns its deadline (the worker is terminated, the chair told)", async () => {
      const pool = createImportPool({ deadlineMs: 200, spawn: () => new Worker("setInterval(() => {}, 1000)", { eval: true }) });
      const before = await counts();
      try {
        expect(await refusal(() => create(f.users.chair, "Slow", { kind: "paste", format: "markdown", text: "# Heading" }, { convert: (s) => pool.run(s) }))).toMatch(
          /^INVALID_INPUT Paste text: the text could not be read within the server's limits/,
        );
      } finally {
        await pool.close();
      }
      expect(await counts()).toEqual(before);
    });

    it("anyone but a chair of the workshop", async () => {
      const before = await counts();
      expect(await refusal(() => create(f.users.china, "Mine", { kind: "empty" }))).toMatch(/^FORBIDDEN/);
      expect(await refusal(() => create(f.users.observer, "Mine", { kind: "empty" }))).toMatch(/^FORBIDDEN/);
      expect(await refusal(() => create(f.users.outsider, "Mine", { kind: "empty" }))).toMatch(/^NOT_FOUND/);
      expect(await counts()).toEqual(before);
    });
  });

  it("is one unit: when the last write (the audit entry) fails, no item, state, ledger row or version is left", async () => {
    const before = await counts();
    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER fail_proposal_create BEFORE INSERT ON "AuditEvent" WHEN NEW."action" = 'proposal.create' BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END`,
    );
    try {
      await expect(create(f.users.chair, "Doomed", { kind: "file", name: "starting-draft.docx", bytes: FIXTURE_DOCX })).rejects.toThrow();
    } finally {
      await t.db.$executeRawUnsafe(`DROP TRIGGER fail_proposal_create`);
    }
    expect(await counts()).toEqual(before);
    expect(await t.db.proposal.count({ where: { title: "Doomed" } })).toBe(0);
    expect(changed).toEqual([]);
    // Without the fault the same request goes through whole.
    const { proposalId } = await create(f.users.chair, "Doomed no more", { kind: "file", name: "starting-draft.docx", bytes: FIXTURE_DOCX });
    const after = await counts();
    expect(after.proposals).toBe(before.proposals + 1);
    expect(after.versions).toBe(before.versions + 1);
    expect(after.checkpoints).toBe(before.checkpoints + 1);
    expect(await storedText(proposalId)).toContain(ZH);
  });
});

describe("Duplicate as new draft", () => {
  let sourceId: string;
  const V1 = { type: "doc", content: [{ type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Urban diplomacy" }] }, { type: "paragraph", content: [{ type: "text", text: ZH }] }] };
  const V2 = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "A later text." }] }] };

  beforeAll(async () => {
    // A proposal with two versions of different text, the second one adopted.
    const p = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "City-to-city exchange", summary: "Sister cities.", position: 50 } });
    sourceId = p.id;
    for (const doc of [V1, V2]) {
      const d = docFromState(stateFromPmJson(doc));
      await cutVersion(t.db, { proposalId: p.id, workshopId: f.workshopId, frozen: freezeText(d), kind: "NAMED", label: null, authorId: f.users.chair, editors: new Set(), now: new Date() });
      d.destroy();
    }
    await t.db.proposal.update({ where: { id: p.id }, data: { state: "ADOPTED" } });
  });

  it("starts a new proposal from that version's text, records and shows its origin, and leaves the source as it was", async () => {
    const sourceVersions = await t.db.version.count({ where: { proposalId: sourceId } });
    const { proposalId } = await duplicateAsNewDraft({ db: t.db, live, userId: f.users.chair, proposalId: sourceId, number: 1, now: new Date() });
    const p = await t.db.proposal.findUniqueOrThrow({ where: { id: proposalId } });
    expect(p).toMatchObject({ workshopId: f.workshopId, state: "DRAFTING", basedOnProposalId: sourceId, basedOnVersionNumber: 1, title: "City-to-city exchange (new draft from version 1)", summary: "Sister cities." });
    const view = await getProposalView({ db: t.db, userId: f.users.japan, proposalId });
    expect(view.basedOn).toEqual({ proposalId: sourceId, title: "City-to-city exchange", versionNumber: 1 });
    expect(view.content).toEqual(V1);
    const v1 = await t.db.version.findFirstOrThrow({ where: { proposalId } });
    expect(v1).toMatchObject({ number: 1, label: "Starting draft", authorId: f.users.chair });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { proposalId, action: "proposal.create" } });
    expect(JSON.parse(audit.detail)).toMatchObject({ source: "version", basedOnProposalId: sourceId, basedOnVersion: 1 });
    expect(await t.db.version.count({ where: { proposalId: sourceId } })).toBe(sourceVersions);
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: sourceId } })).state).toBe("ADOPTED");
    expect(changed).toEqual([f.workshopId]);
    // A proposal not made from a version says nothing about an origin.
    expect((await getProposalView({ db: t.db, userId: f.users.chair, proposalId: sourceId })).basedOn).toBeNull();
  });

  it("needs proposal.create in the workshop and history.view on the source; an unknown version is not found", async () => {
    const before = await counts();
    expect(await refusal(() => duplicateAsNewDraft({ db: t.db, live, userId: f.users.china, proposalId: sourceId, number: 1, now: new Date() }))).toMatch(/^FORBIDDEN/);
    expect(await refusal(() => duplicateAsNewDraft({ db: t.db, live, userId: f.users.outsider, proposalId: sourceId, number: 1, now: new Date() }))).toMatch(/^NOT_FOUND/);
    expect(await refusal(() => duplicateAsNewDraft({ db: t.db, live, userId: f.users.chair, proposalId: sourceId, number: 9, now: new Date() }))).toMatch(/^NOT_FOUND/);
    expect(await counts()).toEqual(before);
  });
});

describe("Edit details", () => {
  it("changes title and summary, records what changed, and puts the new ones on the live board", async () => {
    const { proposalId } = await create(f.users.chair, "SME financing", { kind: "empty" });
    changed.length = 0;
    const result = await editProposalDetails({ db: t.db, live, userId: f.users.chair, proposalId, input: { title: "SME financing and capital chains", summary: "Continuity of finance." } });
    expect(result).toMatchObject({ title: "SME financing and capital chains", changed: ["title", "summary"] });
    const audit = await t.db.auditEvent.findFirstOrThrow({ where: { proposalId, action: "proposal.details" } });
    expect(JSON.parse(audit.detail)).toEqual({ changed: ["title", "summary"], from: "SME financing", to: "SME financing and capital chains" });
    expect(changed).toEqual([f.workshopId]);
    const board = await getWorkshopLive(t.db, f.workshopId, new Date());
    expect(board.proposals.find((p) => p.id === proposalId)).toMatchObject({ title: "SME financing and capital chains", summary: "Continuity of finance." });

    // Saving the same details again changes nothing and records nothing.
    changed.length = 0;
    await editProposalDetails({ db: t.db, live, userId: f.users.chair, proposalId, input: { title: "SME financing and capital chains ", summary: "Continuity of finance." } });
    expect(await t.db.auditEvent.count({ where: { proposalId, action: "proposal.details" } })).toBe(1);
    expect(changed).toEqual([]);
  });

  it("is the chair's, not once the proposal is decided, and names the field at fault", async () => {
    const { proposalId } = await create(f.users.chair, "To be decided", { kind: "empty" });
    const edit = (userId: string, title = "New title") => refusal(() => editProposalDetails({ db: t.db, live, userId, proposalId, input: { title, summary: "" } }));
    expect(await edit(f.users.china)).toMatch(/^FORBIDDEN/);
    expect(await edit(f.users.outsider)).toMatch(/^NOT_FOUND/);
    expect(await edit(f.users.chair, " ")).toMatch(/^INVALID_INPUT Title: enter a title\./);
    expect(await refusal(() => editProposalDetails({ db: t.db, live, userId: f.users.chair, proposalId, input: { title: "Fine", summary: "s".repeat(2001) } }))).toMatch(
      /^INVALID_INPUT Summary: keep it to 2,000 characters\./,
    );
    await t.db.proposal.update({ where: { id: proposalId }, data: { state: "ADOPTED" } });
    expect(await edit(f.users.chair)).toMatch(/^WRONG_STATE/);
    expect((await t.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).title).toBe("To be decided");
  });
});
