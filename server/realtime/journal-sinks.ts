// Where journal batches are written. On SQLite the journal has its own better-sqlite3
// connection with one prepared INSERT: the journal is the hot path (one write per typing burst),
// and going through Prisma's query layer cost ~2 ms of CPU per write. Elsewhere Prisma writes it.
import Database from "better-sqlite3";
import type { Db } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";

export type JournalRow = {
  proposalId: string;
  update: Uint8Array;
  userId: string | null;
  delegationId: string | null;
  clientId: number | null;
};

export type JournalSink = { write(rows: JournalRow[]): Promise<void>; close(): void };

export function prismaSink(db: Db): JournalSink {
  return {
    async write(rows) {
      await db.documentUpdate.createMany({
        data: rows.map((r) => ({ ...r, update: asBytes(r.update), clientId: r.clientId === null ? null : BigInt(r.clientId) })),
      });
    },
    close() {},
  };
}

/** Prisma stores SQLite DateTimes as ISO text with an explicit offset; write the same. */
function prismaDateTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

export function sqliteSink(fileUrl: string): JournalSink {
  const conn = new Database(fileUrl.replace(/^file:/, ""));
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("busy_timeout = 5000");
  conn.pragma("foreign_keys = ON");
  const insert = conn.prepare(
    `INSERT INTO "DocumentUpdate" ("proposalId", "update", "userId", "delegationId", "clientId", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const writeAll = conn.transaction((rows: JournalRow[], at: string) => {
    for (const r of rows) insert.run(r.proposalId, r.update, r.userId, r.delegationId, r.clientId, at);
  });
  return {
    async write(rows) {
      writeAll(rows, prismaDateTime(new Date()));
    },
    close() {
      conn.close();
    },
  };
}

export function journalSinkFor(db: Db, databaseUrl: string | undefined): JournalSink {
  return databaseUrl?.startsWith("file:") ? sqliteSink(databaseUrl) : prismaSink(db);
}
