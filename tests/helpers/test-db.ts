// A throw-away database with the committed migrations applied: the real engine, no mocks.
// SQLite by default; PostgreSQL when ACCORD_TEST_PG_URL names a server (e.g.
// postgresql://postgres@127.0.0.1:5432) — each suite then gets a database of its own.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { createDb, tuneSqlite, type Db } from "../../lib/db.ts";
import { applyMigrations } from "../../server/migrate.ts";

export type TestDb = { db: Db; url: string; cleanup(): Promise<void> };

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function createTestDb(): Promise<TestDb> {
  const pgServer = process.env.ACCORD_TEST_PG_URL?.replace(/\/$/, "");
  if (pgServer) {
    const name = `accord_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(pgServer, `CREATE DATABASE ${name}`);
    const url = `${pgServer}/${name}`;
    applyMigrations(url);
    const db = createDb(url);
    return {
      db,
      url,
      async cleanup() {
        await db.$disconnect();
        await adminQuery(pgServer, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  }
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
