// "New proposal" as the browser sends it: a multipart form whose "Import text" part is a file
// (or an empty, nameless part when none was chosen), through the server action on a real
// server. The use case's own rules are in proposals.test.ts; this is about the form's wire shape.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "../../lib/db";
import { docFromState, pmJsonOf, plainTextOf } from "../../lib/document/convert";
import { closeImportPool } from "../../server/compute/import-pool";
import { loadDocumentState } from "../../server/document-store/load-document";
import { createProposalAction } from "../../app/workshops/[workshopId]/proposals/new/actions";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { startTestServer, type TestServer } from "../helpers/test-server";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("../../server/auth/session.ts", () => ({
  currentUser: async () => (session.userId === null ? null : { id: session.userId, name: "Test", email: "test@accord.example" }),
}));
const revalidated = vi.hoisted(() => [] as string[]);
vi.mock("next/cache", () => ({ revalidatePath: (path: string) => void revalidated.push(path) }));

const DOCX = readFileSync(new URL("../../e2e/fixtures/starting-draft.docx", import.meta.url));
const DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

let s: TestServer;
let f: Fixture;
beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db);
  setDb(s.db);
});
afterAll(async () => {
  await closeImportPool();
  await new Promise((r) => setTimeout(r, 100));
  await s?.close();
});

function form(fields: Record<string, string>, file: File): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  data.append("file", file);
  return data;
}
const NO_FILE = new File([], "", { type: "application/octet-stream" });

async function textOf(proposalId: string): Promise<string> {
  return plainTextOf(pmJsonOf(docFromState((await loadDocumentState({ db: s.db, proposalId })).state)));
}

describe("createProposalAction", () => {
  it("imports the chosen .docx and refreshes the workshop's pages", async () => {
    session.userId = f.users.chair;
    revalidated.length = 0;
    const result = await createProposalAction(f.workshopId, null, form({ title: "Imported", summary: "", text: "", format: "text" }, new File([DOCX], "starting-draft.docx", { type: DOCX_TYPE })));
    if (!result.ok) throw new Error(result.message);
    expect(result.data.workshopId).toBe(f.workshopId);
    expect(await textOf(result.data.proposalId)).toContain("締約国は、中小企業の資金繰りを支援するため協力する。");
    expect(revalidated).toEqual([`/workshops/${f.workshopId}`]);
  });

  it("reads the pasted text when no file was chosen (the browser's empty part)", async () => {
    session.userId = f.users.chair;
    const result = await createProposalAction(f.workshopId, null, form({ title: "Pasted", text: "## Article 2\n\n1. **Clause**", format: "markdown" }, NO_FILE));
    if (!result.ok) throw new Error(result.message);
    expect(await textOf(result.data.proposalId)).toBe("Article 2\n1. Clause");
  });

  it("names the field at fault and creates nothing", async () => {
    session.userId = f.users.chair;
    const proposals = await s.db.proposal.count();
    const corrupt = await createProposalAction(f.workshopId, null, form({ title: "Broken" }, new File(["PK\u0003\u0004 broken"], "draft.docx", { type: DOCX_TYPE })));
    expect(corrupt).toMatchObject({ ok: false, code: "INVALID_INPUT", message: expect.stringMatching(/^Import text: the Word document could not be read/) });
    const both = await createProposalAction(f.workshopId, null, form({ title: "Both", text: "Some text" }, new File([DOCX], "starting-draft.docx")));
    expect(both).toMatchObject({ ok: false, code: "INVALID_INPUT", message: expect.stringMatching(/^Paste text: /) });
    const untitled = await createProposalAction(f.workshopId, null, form({ title: "" }, NO_FILE));
    expect(untitled).toMatchObject({ ok: false, code: "INVALID_INPUT", message: "Title: enter a title." });
    session.userId = f.users.china;
    expect(await createProposalAction(f.workshopId, null, form({ title: "Mine" }, NO_FILE))).toMatchObject({ ok: false, code: "FORBIDDEN" });
    expect(await s.db.proposal.count()).toBe(proposals);
  });
});
