// The SQLite adapter on a real file: a locked database is waited for without blocking the event
// loop, and transactions take the write lock up front.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../tests/helpers/test-db";
import { isStorageUnavailable } from "./storage-errors";

let t: TestDb;
let other: Database.Database;
beforeAll(async () => {
  t = await createTestDb({ engine: "sqlite" });
  // Another connection to the same file, as another process would have.
  other = new Database(t.url.replace(/^file:/, ""), { timeout: 0 });
});
afterAll(async () => {
  other.close();
  await t.cleanup();
});

const workshop = (title: string) => t.db.workshop.create({ data: { title } });
const count = (title: string) => t.db.workshop.count({ where: { title } });

describe("resilient SQLite adapter", () => {
  it("waits for another connection's write lock asynchronously, then writes", async () => {
    other.prepare("BEGIN IMMEDIATE").run();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 10);
    // Released by a timer: it can only fire if the event loop is not stuck in a busy wait.
    setTimeout(() => other.prepare("ROLLBACK").run(), 300);
    await workshop("written after the lock");
    clearInterval(ticker);
    expect(await count("written after the lock")).toBe(1);
    expect(ticks).toBeGreaterThan(5);
  });

  it("gives up on a lock held too long with an error that says the storage is unavailable", async () => {
    const { retryWhileBusy } = await import("./sqlite-busy");
    const writer = new Database(t.url.replace(/^file:/, ""), { timeout: 0 });
    other.prepare("BEGIN IMMEDIATE").run();
    try {
      const attempt = retryWhileBusy(() => writer.prepare(`INSERT INTO "Workshop" ("id", "title", "createdAt") VALUES ('late', 'late', '2026-01-01T00:00:00.000+00:00')`).run(), 200);
      const error = await attempt.then(() => null, (e: unknown) => e);
      expect(isStorageUnavailable(error)).toBe(true);
    } finally {
      other.prepare("ROLLBACK").run();
      writer.close();
    }
    expect(await count("late")).toBe(0);
  });

  it("starts transactions with the write lock, so another connection's commit between a read and a write cannot fail them", async () => {
    let otherWrote: Promise<void> | null = null;
    await t.db.$transaction(async (tx) => {
      await tx.workshop.count();
      // Another connection commits now (it has to wait for this transaction's lock).
      otherWrote = (async () => {
        for (;;) {
          try {
            other.prepare(`INSERT INTO "Workshop" ("id", "title", "createdAt") VALUES ('other-1', 'other', '2026-01-01T00:00:00.000+00:00')`).run();
            return;
          } catch (e) {
            if ((e as { code?: string }).code !== "SQLITE_BUSY") throw e;
            await new Promise((r) => setTimeout(r, 10));
          }
        }
      })();
      await new Promise((r) => setTimeout(r, 50));
      await tx.workshop.create({ data: { title: "after a read" } });
    });
    await otherWrote;
    expect(await count("after a read")).toBe(1);
    expect(await count("other")).toBe(1);
  });
});
