// "Download" and "Download redline" on a real server and database: the files are opened the way
// a reader's software would (the .docx unzipped and its XML read, the PDF's text extracted, the
// Markdown read as text) and checked for the words, the hash, tracked-change authors and
// comments; and who may download what follows the access table and the comment rule.
import JSZip from "jszip";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { asBytes } from "../../lib/bytes";
import { anchorAt, textBlocks } from "../../lib/document/anchors";
import { docFromState } from "../../lib/document/convert";
import { AppError } from "../../lib/errors";
import { loadDocumentState } from "../../server/document-store/load-document";
import { exportProposal, exportRedline, type ExportFile } from "../../server/services/exports/export-proposal";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import type { Fixture } from "../helpers/fixtures";
import { openClient, type TestClient, type TestServer } from "../helpers/test-server";

const OPENING = "The Parties agree to cooperate on urban diplomacy. 中小企业融资 ひらがな 대한민국";

let s: TestServer;
let f: Fixture;
let chn: string;
let jpn: string;
const open: TestClient[] = [];

async function docxXml(file: ExportFile): Promise<Record<string, string>> {
  const zip = await JSZip.loadAsync(file.bytes);
  const out: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) if (name.endsWith(".xml")) out[name] = await zip.file(name)!.async("string");
  return out;
}
const partsNamed = (xml: Record<string, string>, prefix: string) =>
  Object.entries(xml)
    .filter(([n]) => n.startsWith(prefix))
    .map(([, x]) => x)
    .join("\n");

async function pdfText(file: ExportFile): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(file.bytes), verbosity: 0, useSystemFonts: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const content = await (await pdf.getPage(i)).getTextContent();
    pages.push(content.items.map((it) => ("str" in it ? it.str : "")).join(""));
  }
  await pdf.destroy();
  return pages;
}

const refusal = (p: Promise<unknown>) => p.then(() => "ok", (e: unknown) => (e instanceof AppError ? e.code : String(e)));

beforeAll(async () => {
  ({ s, f, chn, jpn } = await startFixtureServer(OPENING));
  // Anchors as a tab makes them, on the stored text.
  const doc = docFromState((await loadDocumentState({ db: s.db, proposalId: f.proposalId })).state);
  const block = textBlocks(doc)[0]!;
  const at = (word: string) => [asBytes(anchorAt(block, OPENING.indexOf(word))), asBytes(anchorAt(block, OPENING.indexOf(word) + word.length))] as const;
  const [cFrom, cTo] = at("cooperate");
  await s.db.amendment.create({ data: { proposalId: f.proposalId, key: "a1", authorId: f.users.japan, delegationId: jpn, anchorFrom: cFrom, anchorTo: cTo, passage: "cooperate", insertText: "work together" } });
  const [uFrom, uTo] = at("urban");
  const bracket = await s.db.bracket.create({ data: { proposalId: f.proposalId, clauseKey: "k", anchorFrom: uFrom, anchorTo: uTo, passage: "urban", placedById: f.users.china, delegationId: chn } });
  await s.db.bracketOption.create({ data: { bracketId: bracket.id, text: "city", authorId: f.users.japan, delegationId: jpn } });
  const [pFrom, pTo] = at("Parties");
  const publicThread = await s.db.commentThread.create({ data: { proposalId: f.proposalId, authorId: f.users.japan, delegationId: jpn, anchorFrom: pFrom, anchorTo: pTo, quote: "Parties" } });
  await s.db.comment.create({ data: { threadId: publicThread.id, authorId: f.users.japan, delegationId: jpn, body: "Which parties are meant?" } });
  await s.db.comment.create({ data: { threadId: publicThread.id, authorId: f.users.china, delegationId: chn, body: "All signatories." } });
  const [dFrom, dTo] = at("diplomacy");
  const internal = await s.db.commentThread.create({ data: { proposalId: f.proposalId, authorId: f.users.china, delegationId: chn, visibility: "DELEGATION", anchorFrom: dFrom, anchorTo: dTo, quote: "diplomacy" } });
  await s.db.comment.create({ data: { threadId: internal.id, authorId: f.users.china, delegationId: chn, body: "Internal: hold firm on this word." } });
  doc.destroy();
}, 60_000);

afterAll(() => stopFixtureServer(s, open));

const live = (userId: string, format: "docx" | "pdf" | "md", withDelegationComments = false) =>
  exportProposal({ db: s.db, userId, proposalId: f.proposalId, version: null, format, paper: "A4", withDelegationComments });

describe("Download: Word", () => {
  it("holds the text with CJK runs in East Asian fonts, the hash in the footer, the amendment as tracked changes by its delegation, brackets as [… / …]", async () => {
    const file = await live(f.users.china, "docx");
    expect(file.file.name).toBe("realtime-test-workshop-live-text-live.docx");
    const xml = await docxXml(file);
    const body = xml["word/document.xml"]!;
    expect(body).toMatch(/<w:ins [^>]*w:author="Japan \(JPN\)"[^>]*>[\s\S]*?work together[\s\S]*?<\/w:ins>/);
    expect(body).toMatch(/<w:del [^>]*w:author="Japan \(JPN\)"[^>]*>[\s\S]*?<w:delText[^>]*>cooperate<\/w:delText>/);
    expect(body).toContain("[");
    expect(body).toContain("/ city");
    expect(body).toMatch(/w:eastAsia="[^"]+"[\s\S]*?中小企业融资/);
    expect(body).toContain("대한민국");
    const footer = partsNamed(xml, "word/footer");
    const { state } = await loadDocumentState({ db: s.db, proposalId: f.proposalId });
    expect(footer).toContain("SHA-256");
    expect(footer).toMatch(/[0-9a-f]{64}/);
    expect(state.byteLength).toBeGreaterThan(0);
  });

  it("carries public threads as Word comments; a delegation's internal thread only to its members, only when asked", async () => {
    const plain = await docxXml(await live(f.users.china, "docx"));
    expect(plain["word/comments.xml"]).toContain("Which parties are meant?");
    expect(plain["word/comments.xml"]).toContain("All signatories.");
    expect(plain["word/comments.xml"]).not.toContain("hold firm");
    const asked = await docxXml(await live(f.users.china, "docx", true));
    expect(asked["word/comments.xml"]).toContain("hold firm");
    for (const other of [f.users.japan, f.users.chair, f.users.observer]) {
      const xml = await docxXml(await live(other, "docx", true));
      expect(JSON.stringify(xml)).not.toContain("hold firm");
    }
  });
});

describe("Download: versions, PDF, Markdown", () => {
  let v1: number;
  let hash: string;
  beforeAll(async () => {
    v1 = (await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Before lunch" })).number;
    hash = (await s.db.version.findUniqueOrThrow({ where: { proposalId_number: { proposalId: f.proposalId, number: v1 } } })).hash;
  });

  it("a version's Word file names the version and carries its chain hash", async () => {
    const file = await exportProposal({ db: s.db, userId: f.users.observer, proposalId: f.proposalId, version: v1, format: "docx", paper: "LETTER", withDelegationComments: false });
    expect(file.file.name).toBe(`realtime-test-workshop-live-text-v${v1}.docx`);
    const xml = await docxXml(file);
    expect(partsNamed(xml, "word/footer")).toContain(hash);
    expect(partsNamed(xml, "word/header")).toContain(`Version ${v1}`);
    expect(xml["word/document.xml"]).toContain('w:w="12240"');
  });

  it("the PDF's text holds the title, the CJK characters, the bracket and the hash", async () => {
    const pages = await pdfText(await exportProposal({ db: s.db, userId: f.users.japan, proposalId: f.proposalId, version: v1, format: "pdf", paper: "A4", withDelegationComments: false }));
    const all = pages.join("\n").replace(/\s+/g, " ");
    expect(all).toContain("Live text");
    expect(all).toContain("中小企业融资");
    expect(all).toContain("대한민국");
    expect(all).toContain("ひらがな");
    expect(all).toContain("city]");
    expect(all.replace(/ /g, "")).toContain(hash);
  });

  it("Markdown is the clean text: the bracket stays, the proposed insertion and the comments do not", async () => {
    const file = await exportProposal({ db: s.db, userId: f.users.china, proposalId: f.proposalId, version: v1, format: "md", paper: "A4", withDelegationComments: true });
    const md = new TextDecoder().decode(file.bytes);
    expect(md.startsWith("# Live text\n")).toBe(true);
    expect(md).toContain("The Parties agree to cooperate on \\[urban / city\\] diplomacy. 中小企业融资 ひらがな 대한민국");
    expect(md).not.toContain("work together");
    expect(md).not.toContain("hold firm");
    expect(md).toContain(hash);
  });

  it("a redline between two versions: insertions by the delegation that typed them", async () => {
    const c = await openClient(s, f.users.japan, f.proposalId);
    open.push(c);
    textBlocks(c.doc)[0]!.insert(0, "Firmly, ");
    await c.provider.whenSaved();
    const v2 = (await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "After" })).number;
    const file = await exportRedline({ db: s.db, userId: f.users.observer, proposalId: f.proposalId, from: v1, to: v2, format: "docx", paper: "A4" });
    expect(file.file.name).toBe(`realtime-test-workshop-live-text-v${v1}-v${v2}-redline.docx`);
    const body = (await docxXml(file))["word/document.xml"]!;
    expect(body).toMatch(/<w:ins [^>]*w:author="Japan \(JPN\)"[^>]*>[\s\S]*?Firmly,[\s\S]*?<\/w:ins>/);
    const pdf = (await pdfText(await exportRedline({ db: s.db, userId: f.users.observer, proposalId: f.proposalId, from: v1, to: v2, format: "pdf", paper: "A4" }))).join(" ");
    expect(pdf).toContain("Firmly,");
  });
});

describe("Download: in the reader's language", () => {
  it("writes the words around the text in Japanese for a Japanese reader (the text itself is data)", async () => {
    const file = await exportProposal({ db: s.db, userId: f.users.japan, proposalId: f.proposalId, version: null, format: "pdf", paper: "A4", withDelegationComments: false, locale: "ja" });
    const [first] = await pdfText(file);
    expect(first).toContain("現在のテキスト");
    expect(first).toContain("ページ 1");
    expect(first).toContain("テキストの SHA-256");
    expect(first).toContain("The Parties");
    const word = await docxXml(await exportProposal({ db: s.db, userId: f.users.japan, proposalId: f.proposalId, version: null, format: "docx", paper: "A4", withDelegationComments: false, locale: "ko" }));
    expect(partsNamed(word, "word/header")).toContain("현재 문안");
    expect(partsNamed(word, "word/footer")).toContain("페이지");
  });
});

describe("Download: who may", () => {
  it("refuses a member of another workshop and a signed-out caller, and an unknown version", async () => {
    expect(await refusal(live(f.users.outsider, "md"))).toBe("NOT_FOUND");
    expect(await refusal(exportProposal({ db: s.db, userId: null, proposalId: f.proposalId, version: null, format: "md", paper: "A4", withDelegationComments: false }))).toBe("UNAUTHENTICATED");
    expect(await refusal(exportProposal({ db: s.db, userId: f.users.china, proposalId: f.proposalId, version: 999, format: "md", paper: "A4", withDelegationComments: false }))).toBe("NOT_FOUND");
    expect(await refusal(exportRedline({ db: s.db, userId: f.users.outsider, proposalId: f.proposalId, from: 1, to: 1, format: "pdf", paper: "A4" }))).toBe("NOT_FOUND");
  });
});
