// Prisma's better-sqlite3 adapter, made safe for a server that must never freeze.
//
// better-sqlite3 is synchronous: with a busy timeout, a statement that meets another
// connection's write lock sleeps *on the main thread* until the lock goes or the timeout ends,
// and every socket and page of the process waits with it. Worse, when the lock holder is this
// process's own Prisma transaction (held across awaits), the holder cannot finish while the
// main thread sleeps. So the busy timeout is 0 here and a locked database is waited for
// asynchronously, with back-off, up to SQLITE_LOCK_WAIT_MS.
//
// Transactions start with BEGIN IMMEDIATE, taking the write lock up front: with the stock
// deferred BEGIN, a transaction that reads and then writes while the journal's connection
// commits in between fails at once with SQLITE_BUSY_SNAPSHOT (WAL cannot upgrade a stale
// snapshot), whatever the busy timeout.
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { retryWhileBusy } from "./sqlite-busy.ts";

type Factory = PrismaBetterSQLite3;
type Adapter = Awaited<ReturnType<Factory["connect"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

/** The stock adapter keeps its better-sqlite3 handle in a public field. */
function clientOf(adapter: Adapter): Database.Database {
  const client = (adapter as unknown as { client?: Database.Database }).client;
  if (!client) throw new Error("@prisma/adapter-better-sqlite3 changed: no `client` field (see lib/sqlite-adapter.ts)");
  return client;
}

function wrapAdapter(inner: Adapter): Adapter {
  const client = clientOf(inner);
  // A statement outside a transaction: retried (asynchronously) while another connection writes.
  const plain = <T>(run: () => Promise<T>): Promise<T> => retryWhileBusy(run);

  const wrapped: Adapter = Object.create(inner);
  Object.assign(wrapped, {
    queryRaw: (query: Query) => plain(() => inner.queryRaw(query)),
    executeRaw: (query: Query) => plain(() => inner.executeRaw(query)),
    executeScript: (script: string) => plain(() => inner.executeScript(script)),
    async startTransaction(isolationLevel?: Parameters<Adapter["startTransaction"]>[0]) {
      // The stock adapter takes its transaction mutex and runs a deferred BEGIN; we turn it
      // into BEGIN IMMEDIATE before anyone uses it.
      const tx = await inner.startTransaction(isolationLevel);
      try {
        client.prepare("ROLLBACK").run();
        await retryWhileBusy(async () => void client.prepare("BEGIN IMMEDIATE").run());
      } catch (e) {
        await tx.rollback(); // releases the stock adapter's mutex; no transaction is open
        throw e;
      }
      return tx;
    },
  });
  return wrapped;
}

/** The adapter factory for `new PrismaClient({ adapter })` on a SQLite file. */
export function resilientSqliteAdapter(url: string): Factory {
  // timeout: better-sqlite3's busy timeout (its default is 5 s of sleeping on the main thread).
  const factory = new PrismaBetterSQLite3({ url, timeout: 0 });
  // The stock factory keeps its settings in private fields: call its methods on itself.
  return Object.assign(Object.create(factory) as Factory, {
    connect: async () => wrapAdapter(await factory.connect()),
    connectToShadowDb: async () => wrapAdapter(await factory.connectToShadowDb()),
  });
}
