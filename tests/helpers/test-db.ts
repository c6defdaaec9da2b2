// A throw-away SQLite database with the committed migrations applied: the real engine, no mocks.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDb, tuneSqlite, type Db } from "../../lib/db.ts";
import { applyMigrations } from "../../server/migrate.ts";

export type TestDb = { db: Db; url: string; cleanup(): Promise<void> };

export async function createTestDb(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), "accord-test-"));
  const url = `file:${join(dir, "test.db")}`;
  applyMigrations(url);
  const db = createDb(url);
  await tuneSqlite(db);
  return {
    db,
    url,
    async cleanup() {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
