import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../tests/helpers/test-db";
import { createFixture, type Fixture } from "../../tests/helpers/fixtures";
import { JournalWriter } from "./journal";
import { journalSinkFor } from "./journal-sinks";

let t: TestDb;
let f: Fixture;
beforeAll(async () => {
  t = await createTestDb();
  f = await createFixture(t.db);
});
afterAll(async () => t.cleanup());

describe("JournalWriter (group commit on a real SQLite file)", () => {
  it("writes a burst of updates in a few batches, and resolves each only once written", async () => {
    const writer = new JournalWriter(journalSinkFor(t.db, t.url));
    const burst = Array.from({ length: 300 }, (_, i) =>
      writer.append({ proposalId: f.proposalId, update: new Uint8Array([i % 256]), userId: f.users.china, delegationId: null, clientId: 4_000_000_000 }),
    );
    await Promise.all(burst);
    expect(await t.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(300);
    expect(writer.stats.rows).toBe(300);
    // The first entry goes alone (nothing else was queued yet); the rest share batches.
    expect(writer.stats.batches).toBeLessThanOrEqual(3);
    const row = await t.db.documentUpdate.findFirstOrThrow({ where: { proposalId: f.proposalId }, orderBy: { id: "desc" } });
    expect(row.clientId).toBe(4_000_000_000n);
  });

  it("rejects every waiter of a failed batch, and keeps working afterwards", async () => {
    const writer = new JournalWriter(journalSinkFor(t.db, t.url));
    const bad = writer.append({ proposalId: "no-such-proposal", update: new Uint8Array([1]), userId: null, delegationId: null, clientId: null });
    await expect(bad).rejects.toBeTruthy();
    await writer.append({ proposalId: f.proposalId, update: new Uint8Array([2]), userId: null, delegationId: null, clientId: null });
    await writer.drain();
    expect(writer.queued).toBe(0);
  });
});
