// A throw-away database with the committed migrations applied: the real engine, no mocks.
// SQLite by default; PostgreSQL when ACCORD_TEST_PG_URL names a server (e.g.
// postgresql://postgres@127.0.0.1:5432) — each suite then gets a database of its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createScratchDatabase } from "../../lib/pg-scratch-database.ts";
import { createDb, tuneSqlite, type Db } from "../../lib/db.ts";
import { applyMigrations } from "../../server/migrate.ts";

export type TestDb = { db: Db; url: string; cleanup(): Promise<void> };

/** `engine: "sqlite"` for suites about SQLite itself (e.g. its file locked by another process). */
export async function createTestDb(opts: { engine?: "sqlite" } = {}): Promise<TestDb> {
  const pgServer = opts.engine === "sqlite" ? undefined : process.env.ACCORD_TEST_PG_URL?.replace(/\/$/, "");
  if (pgServer) {
    const { url, drop } = await createScratchDatabase(pgServer, "accord_test");
    await applyMigrations(url);
    const db = createDb(url);
    return {
      db,
      url,
      async cleanup() {
        await db.$disconnect();
        await drop();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), "accord-test-"));
  const url = `file:${join(dir, "test.db")}`;
  await applyMigrations(url);
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
