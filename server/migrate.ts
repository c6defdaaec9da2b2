import { spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import pg from "pg";
import { providerOf } from "../lib/db-url.ts";
import { restrictSqliteFile } from "../lib/sqlite-file.ts";
import { env } from "../lib/env.ts";
import { createDb } from "../lib/db.ts";
import { migrateVersionsToDeltas } from "./services/history/migrate-version-deltas.ts";
import { closeDeltaPool } from "./compute/delta-pool.ts";

const PRISMA_BIN = resolve("node_modules/.bin/prisma");

/**
 * The PostgreSQL advisory lock the nodes of a cluster take around applying migrations (any
 * 64-bit number no other code uses; Prisma's own lock, 72707369, gives up after 10 s, which a
 * node starting beside another one migrating a fresh database would hit).
 */
export const MIGRATION_LOCK_KEY = 4_711_202_612_010_022n;
/** While it waits for another node's migrations, a node says so this often. */
const WAIT_LOG_MS = 5_000;

/**
 * `prisma migrate deploy` for DATABASE_URL; creates the SQLite folder first. On PostgreSQL it
 * holds an advisory lock meanwhile, so nodes started together apply migrations one at a time:
 * the others wait (as long as it takes, saying so), then find nothing left to apply.
 * Data conversions the SQL cannot express run after it, under the same lock (runDataMigrations).
 */
export async function applyMigrations(url: string = env().DATABASE_URL): Promise<void> {
  if (providerOf(url) === "sqlite") {
    mkdirSync(dirname(resolve(url.replace(/^file:/, ""))), { recursive: true });
    // It holds password hashes: created (or made) 0600 before Prisma first opens it.
    restrictSqliteFile(url);
    await deploy(url);
    return runDataMigrations(url);
  }
  const client = new pg.Client({ connectionString: url });
  // An error on the idle lock connection (database restarted) fails the deploy, never the process.
  client.on("error", (e) => console.error("migration lock connection:", e.message));
  await client.connect();
  try {
    await lock(client);
    await deploy(url);
    await runDataMigrations(url);
  } finally {
    // Ending the session releases the lock too; unlocking first lets a waiting node go at once.
    await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY.toString()]).catch(() => {});
    await client.end().catch(() => {});
  }
}

async function lock(client: pg.Client): Promise<void> {
  const key = MIGRATION_LOCK_KEY.toString();
  const tried = await client.query<{ locked: boolean }>("SELECT pg_try_advisory_lock($1) AS locked", [key]);
  if (tried.rows[0]?.locked) return;
  const start = Date.now();
  console.log("migrations: another node is applying them; waiting for it…");
  const timer = setInterval(() => console.log(`migrations: still waiting for another node (${Math.round((Date.now() - start) / 1000)} s)…`), WAIT_LOG_MS);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [key]);
  } finally {
    clearInterval(timer);
  }
  console.log(`migrations: the other node is done (waited ${Math.round((Date.now() - start) / 1000)} s); checking for any left`);
}

/** Conversions of existing rows that a schema change needs; each runs once (DataMigration). */
async function runDataMigrations(url: string): Promise<void> {
  const db = createDb(url);
  try {
    const r = await migrateVersionsToDeltas(db);
    if (r && r.rewritten > 0) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      console.log(`migrations: ${r.rewritten} of ${r.versions} versions now stored as deltas (${mb(r.bytesBefore)} MB → ${mb(r.bytesAfter)} MB)`);
    }
  } finally {
    await db.$disconnect();
    // Long texts' deltas are worked out in a worker thread: stopped, so a migrate script can exit.
    await closeDeltaPool();
  }
}

function deploy(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(PRISMA_BIN, ["migrate", "deploy"], {
      // The CLI inherits this process's environment (PATH, proxies, …): passed on, not read.
      env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`prisma migrate deploy failed (${signal ?? `exit code ${code}`})`))));
  });
}
