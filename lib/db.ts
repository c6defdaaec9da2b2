// The Prisma client for the engine DATABASE_URL names. One client per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "./generated/postgres/client.ts";
import { providerOf } from "./db-url.ts";
import { env } from "./env.ts";
import { resilientSqliteAdapter } from "./sqlite-adapter.ts";
import { restrictSqliteFile } from "./sqlite-file.ts";
import { SQLITE_LOCK_WAIT_MS } from "./sqlite-busy.ts";

// Both generated clients have the same model API; the SQLite one is the type we program against.
export type Db = SqliteClient;
/** The client a transaction callback receives (`db.$transaction(async (tx) => …)`). */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function createDb(url: string): Db {
  if (providerOf(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // Owner-only (0600) before SQLite first opens it: the file holds password hashes.
  restrictSqliteFile(url);
  return new SqliteClient({
    adapter: resilientSqliteAdapter(url),
    // A transaction may wait (asynchronously) for another process's write lock before it starts.
    transactionOptions: { maxWait: SQLITE_LOCK_WAIT_MS + 5000, timeout: 15_000 },
  });
}

// WAL lets readers proceed while the journal writer commits; NORMAL sync is durable across
// process crashes (only an OS crash can lose the last commits) and several times faster.
export async function tuneSqlite(db: Db): Promise<void> {
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
  // Never sleep on the main thread waiting for a lock: the adapter waits asynchronously.
  await db.$queryRawUnsafe("PRAGMA busy_timeout = 0");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
}

const globalForDb = globalThis as unknown as { accordDb?: Db };

// Next's route handlers and the custom server share this process: keep a single client on
// globalThis so both (and dev-mode reloads) reuse one connection.
export function db(): Db {
  globalForDb.accordDb ??= createDb(env().DATABASE_URL);
  return globalForDb.accordDb;
}

export function setDb(client: Db): void {
  globalForDb.accordDb = client;
}

/** The process's client when one was set or created, without creating one (socket auth's fallback). */
export function dbIfOpen(): Db | undefined {
  return globalForDb.accordDb;
}

export * from "./generated/sqlite/enums.ts";
