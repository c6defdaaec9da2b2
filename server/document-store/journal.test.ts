import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../../tests/helpers/test-db";
import { createFixture, type Fixture } from "../../tests/helpers/fixtures";
import { JournalRefusedError, JournalWriter, MAX_UNWRITTEN_BYTES } from "./journal";
import { journalSinkFor, prismaSink } from "./journal-sinks";

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

  it("commits a steady trickle of updates together, at most one batch per commit interval", async () => {
    const writer = new JournalWriter(journalSinkFor(t.db, t.url), { commitIntervalMs: 50 });
    const written: Promise<void>[] = [];
    const startedAt = performance.now();
    // 40 updates, one every 5 ms (a busy room): without the interval each would be its own commit.
    for (let i = 0; i < 40; i++) {
      written.push(writer.append({ proposalId: f.proposalId, update: new Uint8Array([i]), userId: null, delegationId: null, clientId: null }));
      await new Promise((r) => setTimeout(r, 5));
    }
    const appendingMs = performance.now() - startedAt;
    await Promise.all(written);
    expect(writer.stats.rows).toBe(40);
    // A batch starts at most every 50 ms while updates keep coming (plus the last one after them).
    expect(writer.stats.batches).toBeLessThanOrEqual(Math.ceil(appendingMs / 50) + 2);
    expect(writer.stats.batches).toBeGreaterThan(1);
  });

  it("never sleeps on the main thread while this process's own transaction holds the write lock", async () => {
    // A version cut or a ledger write holds SQLite's write lock across awaits; the journal's
    // connection must not wait for it synchronously (the transaction could not finish meanwhile).
    const sqlite = await createTestDb({ engine: "sqlite" });
    const g = await createFixture(sqlite.db);
    const writer = new JournalWriter(journalSinkFor(sqlite.db, sqlite.url));
    let written: Promise<void> | null = null;
    let ticks = 0;
    await sqlite.db.$transaction(async (tx) => {
      await tx.auditEvent.create({ data: { workshopId: g.workshopId, action: "test.lock", detail: "{}" } });
      written = writer.append({ proposalId: g.proposalId, update: new Uint8Array([1]), userId: null, delegationId: null, clientId: null });
      const ticker = setInterval(() => ticks++, 10);
      await new Promise((r) => setTimeout(r, 300));
      clearInterval(ticker);
    });
    await written;
    expect(ticks).toBeGreaterThan(5);
    expect(writer.stats.failures).toBeGreaterThan(0);
    expect(await sqlite.db.documentUpdate.count({ where: { proposalId: g.proposalId } })).toBe(1);
    writer.close();
    await sqlite.cleanup();
  });

  it("keeps a batch that failed for want of storage and writes it, in order, once storage is back", async () => {
    let isDown = true;
    const real = journalSinkFor(t.db, t.url);
    const flaky = { ...real, write: (rows: Parameters<typeof real.write>[0]) => (isDown ? Promise.reject(Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })) : real.write(rows)) };
    const p = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "Flaky", position: 98 } });
    const writer = new JournalWriter(flaky, { commitIntervalMs: 5 });
    const settled: number[] = [];
    const all = [1, 2, 3].map((n) => writer.append({ proposalId: p.id, update: new Uint8Array([n]), userId: null, delegationId: null, clientId: null }).then(() => settled.push(n)));
    await new Promise((r) => setTimeout(r, 400));
    expect(settled).toEqual([]);
    expect(writer.isFailing).toBe(true);
    expect(writer.stats.failures).toBeGreaterThan(1);
    isDown = false;
    await Promise.all(all);
    expect(settled).toEqual([1, 2, 3]);
    const rows = await t.db.documentUpdate.findMany({ where: { proposalId: p.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.update[0])).toEqual([1, 2, 3]);
  });

  it("refuses new entries once the unwritten ones reach the memory bound", () => {
    const writer = new JournalWriter({ ...journalSinkFor(t.db, t.url), write: () => new Promise(() => {}) });
    expect(writer.canAccept(1000)).toBe(true);
    expect(writer.canAccept(MAX_UNWRITTEN_BYTES + 1)).toBe(false);
  });

  it("rejects every waiter of a failed batch, and keeps working afterwards", async () => {
    const writer = new JournalWriter(journalSinkFor(t.db, t.url));
    const bad = writer.append({ proposalId: "no-such-proposal", update: new Uint8Array([1]), userId: null, delegationId: null, clientId: null });
    await expect(bad).rejects.toBeTruthy();
    await writer.append({ proposalId: f.proposalId, update: new Uint8Array([2]), userId: null, delegationId: null, clientId: null });
    await writer.drain();
    expect(writer.queued).toBe(0);
  });

  it("reads a room's stored document on its own connection exactly as Prisma reads it", async () => {
    const p = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: "Read back", position: 99 } });
    const sink = journalSinkFor(t.db, t.url);
    expect(await sink.read(p.id)).toEqual({ checkpoint: null, rows: [] });
    await t.db.documentCheckpoint.create({ data: { proposalId: p.id, state: new Uint8Array([1, 1]), createdAt: new Date(1000) } });
    await t.db.documentCheckpoint.create({ data: { proposalId: p.id, state: new Uint8Array([2, 2]), createdAt: new Date(2000) } });
    const rows = [new Uint8Array([5]), new Uint8Array([6, 7]), new Uint8Array(300_000).fill(8)];
    for (const update of rows) await sink.write([{ proposalId: p.id, update, userId: null, delegationId: null, clientId: null }]);
    const raw = await sink.read(p.id);
    // The newest checkpoint and every row, in the order written.
    expect([...raw.checkpoint!]).toEqual([2, 2]);
    expect(raw.rows.map((r) => r.byteLength)).toEqual([1, 2, 300_000]);
    const viaPrisma = await prismaSink(t.db).read(p.id);
    expect(Buffer.from(raw.checkpoint!).equals(Buffer.from(viaPrisma.checkpoint!))).toBe(true);
    expect(raw.rows.every((r, i) => Buffer.from(r).equals(Buffer.from(viaPrisma.rows[i]!)))).toBe(true);
    sink.close();
  });

  it("gives up at once the entries of a proposal the database refused (no longer open to drafting), and writes the rest", async () => {
    const real = journalSinkFor(t.db, t.url);
    const closed = f.otherProposalId;
    const sink = {
      ...real,
      // As the guarded PostgreSQL sink answers for a proposal locked on another node.
      async write(rows: Parameters<typeof real.write>[0]) {
        await real.write(rows.filter((r) => r.proposalId !== closed));
        return rows.some((r) => r.proposalId === closed) ? { refused: new Set([closed]) } : undefined;
      },
    };
    const givenUp: string[] = [];
    const writer = new JournalWriter(sink, { onGivenUp: (entry, e) => givenUp.push(`${entry.proposalId}:${(e as Error).constructor.name}`) });
    const before = await t.db.documentUpdate.count({ where: { proposalId: f.proposalId } });
    const entry = (proposalId: string, byte: number) => writer.append({ proposalId, update: new Uint8Array([byte]), userId: null, delegationId: null, clientId: null });
    const results = await Promise.allSettled([entry(f.proposalId, 1), entry(closed, 2), entry(f.proposalId, 3), entry(closed, 4)]);
    expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled", "rejected"]);
    expect((results[1] as PromiseRejectedResult).reason).toBeInstanceOf(JournalRefusedError);
    expect(givenUp).toEqual([`${closed}:JournalRefusedError`, `${closed}:JournalRefusedError`]);
    expect(await t.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(before + 2);
    expect(await t.db.documentUpdate.count({ where: { proposalId: closed } })).toBe(0);
    // Refused is not failing: nothing is retried, and the next entries go straight through.
    expect(writer.isFailing).toBe(false);
    await entry(f.proposalId, 5);
    expect(writer.stats.givenUp).toBe(2);
  });
});
