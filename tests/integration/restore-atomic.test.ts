// A restore is one unit: the text change, its RESTORE version and its audit entry are stored
// together or not at all. A review found a restore that changed the live text but recorded no
// version and no audit entry. Here the audit insert fails inside the database (a trigger), and
// nothing of the restore may be left anywhere: not in the journal, the ledger, the versions, the
// room or anyone's editor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { eventually, openClient, startTestServer, textOf, type TestServer } from "../helpers/test-server";
import { firstParagraph } from "../helpers/typist";
import { restoreVersion } from "../../server/services/history/restore-version";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { loadDocumentState } from "../../server/document-store/load-document";
import { docFromState } from "../../lib/document/convert";

let t: TestDb;
let s: TestServer;
let f: Fixture;
beforeAll(async () => {
  // A trigger is the fault: written for SQLite.
  t = await createTestDb({ engine: "sqlite" });
  s = await startTestServer({ db: t });
  f = await createFixture(t.db, "Version one text.");
});
afterAll(async () => s.close());

async function counts() {
  const where = { proposalId: f.proposalId };
  return {
    versions: await t.db.version.count({ where }),
    journal: await t.db.documentUpdate.count({ where }),
    ledger: await t.db.documentClient.count({ where }),
    audit: await t.db.auditEvent.count({ where: { action: "version.restore" } }),
  };
}

describe("restore", () => {
  it("stores the text change, the version and the audit entry together, or none of them", async () => {
    const china = await openClient(s, f.users.china, f.proposalId);
    await saveNamedVersion({ db: t.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Before China" });
    firstParagraph(china.doc).insert(0, "China's amendment. ");
    await china.provider.whenSaved();
    const textBefore = textOf(china.doc);
    const before = await counts();

    await t.db.$executeRawUnsafe(
      `CREATE TRIGGER fail_restore_audit BEFORE INSERT ON "AuditEvent" WHEN NEW."action" = 'version.restore' BEGIN SELECT RAISE(ABORT, 'injected audit failure'); END`,
    );
    await expect(restoreVersion({ db: t.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, number: 1 })).rejects.toThrow();

    expect(await counts()).toEqual(before);
    expect(textOf(s.server.rooms.peek(f.proposalId)!.doc)).toBe(textBefore);
    // China keeps typing: the editor holds China's text and never received a restore.
    firstParagraph(china.doc).insert(0, "More. ");
    await china.provider.whenSaved();
    expect(textOf(china.doc)).toContain("China's amendment.");
    const stored = textOf(docFromState((await loadDocumentState({ db: t.db, proposalId: f.proposalId })).state));
    expect(stored).toContain("China's amendment.");

    // Without the fault the same restore goes through whole.
    await t.db.$executeRawUnsafe(`DROP TRIGGER fail_restore_audit`);
    const restored = await restoreVersion({ db: t.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, number: 1 });
    const after = await counts();
    expect(after.versions).toBe(before.versions + 1);
    expect(after.audit).toBe(before.audit + 1);
    expect(after.journal).toBeGreaterThan(before.journal);
    expect(restored.number).toBe(after.versions);
    const v = await t.db.version.findUniqueOrThrow({ where: { proposalId_number: { proposalId: f.proposalId, number: restored.number } } });
    expect(v.kind).toBe("RESTORE");
    expect(v.text).not.toContain("China's amendment.");
    await eventually(() => !textOf(china.doc).includes("China's amendment."), "China's editor to show the restored text");
    china.close();
  });
});
