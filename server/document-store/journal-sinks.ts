// Where journal batches are written and rooms read their stored document. On SQLite the
// journal has its own better-sqlite3 connection with prepared statements: the journal is the hot
// path (one write per typing burst), going through Prisma's query layer cost ~2 ms of CPU per
// write, and Prisma's driver adapters hand every BLOB over as an array of numbers (a 300 KB
// checkpoint became 300,000 array elements: ~30 ms per room load). Elsewhere Prisma does both.
import { randomUUID } from "node:crypto";
import Database from "better-sqlite3";
import type { Db, Tx } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";
import { providerOf } from "../../lib/db-url.ts";
import { readStoredDocument, type StoredDocument } from "./load-document.ts";
import { retryWhileBusy } from "../../lib/sqlite-busy.ts";
import { timed } from "../observability/operation-log.ts";
import { compactOldest, type CheckpointStore } from "./compaction.ts";
import { prismaCheckpoints } from "./prisma-checkpoints.ts";

export type JournalRow = {
  proposalId: string;
  update: Uint8Array;
  userId: string | null;
  delegationId: string | null;
  clientId: number | null;
};

/** Proposals whose rows a write refused: no longer open to drafting (locked, under vote, archived). */
export type JournalRefusal = { refused: ReadonlySet<string> };

export type JournalSink = {
  /** Writes the rows, all or (for refused proposals) none of each proposal's. */
  write(rows: JournalRow[]): Promise<JournalRefusal | void>;
  /** A room's document as stored, to load it. */
  read(proposalId: string): Promise<StoredDocument>;
  /**
   * The document as stored, read in `tx` after locking the proposal's row against journal
   * writes: what a vote freezes. Nothing written after this read can join the text until `tx`
   * has changed the proposal's state (and then the guarded write refuses it).
   */
  readLocked(tx: Tx, proposalId: string): Promise<StoredDocument>;
  /** Folds the oldest journal rows into a new checkpoint (see document-store/compaction.ts). */
  compact(proposalId: string): Promise<{ mergedRows: number }>;
  close(): void;
};

const toData = (r: JournalRow) => ({ ...r, update: asBytes(r.update), clientId: r.clientId === null ? null : BigInt(r.clientId) });

/**
 * `guardState` (PostgreSQL, where several nodes share the database): every batch checks, in its
 * own transaction and under a share lock of the proposal's row, that the proposal is still open
 * to drafting. A node that has not heard of a lock or a vote decided on another node (its relay
 * late, or lost while Redis was down) then cannot store an edit made after it: the write is
 * refused, the room reloads, and the tab is told by the state it finds. The lock and the vote
 * change that row, so they and the journal's writes are serialised by the database itself.
 */
export function prismaSink(db: Db, opts: { guardState?: boolean } = {}): JournalSink {
  return {
    async write(rows) {
      if (!opts.guardState) {
        await db.documentUpdate.createMany({ data: rows.map(toData) });
        return;
      }
      const ids = [...new Set(rows.map((r) => r.proposalId))];
      return db.$transaction(async (tx) => {
        const open = await tx.$queryRaw<Array<{ id: string }>>`
          SELECT p."id" FROM "Proposal" p JOIN "Workshop" w ON w."id" = p."workshopId"
          WHERE p."id" = ANY(${ids}) AND p."state" = 'DRAFTING' AND w."archivedAt" IS NULL
          FOR SHARE OF p`;
        const isOpen = new Set(open.map((r) => r.id));
        const kept = rows.filter((r) => isOpen.has(r.proposalId));
        if (kept.length > 0) await tx.documentUpdate.createMany({ data: kept.map(toData) });
        const refused = new Set(ids.filter((id) => !isOpen.has(id)));
        return refused.size > 0 ? { refused } : undefined;
      });
    },
    read: (proposalId) => readStoredDocument(db, proposalId),
    async readLocked(tx, proposalId) {
      if (opts.guardState) await tx.$queryRaw`SELECT "id" FROM "Proposal" WHERE "id" = ${proposalId} FOR UPDATE`;
      return readStoredDocument(tx, proposalId);
    },
    compact: (proposalId) => compactOldest(prismaCheckpoints(db), proposalId),
    close() {},
  };
}

/** Prisma stores SQLite DateTimes as ISO text with an explicit offset; write the same. */
function prismaDateTime(d: Date): string {
  return d.toISOString().replace("Z", "+00:00");
}

export function sqliteSink(fileUrl: string): JournalSink {
  // No busy timeout: better-sqlite3 would sleep on the main thread while another connection
  // (another process, or this process's own Prisma transaction, which cannot finish meanwhile)
  // holds the write lock. A locked write fails at once and the journal retries it later.
  const conn = new Database(fileUrl.replace(/^file:/, ""), { timeout: 0 });
  conn.pragma("busy_timeout = 0");
  conn.pragma("journal_mode = WAL");
  conn.pragma("synchronous = NORMAL");
  conn.pragma("foreign_keys = ON");
  const insert = conn.prepare(
    `INSERT INTO "DocumentUpdate" ("proposalId", "update", "userId", "delegationId", "clientId", "createdAt") VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const newestCheckpoint = conn.prepare(
    `SELECT "id", "state", "mergedRows" FROM "DocumentCheckpoint" WHERE "proposalId" = ? ORDER BY "createdAt" DESC LIMIT 1`,
  );
  type CheckpointRow = { id: string; state: Buffer; mergedRows: number };
  const journalRows = conn.prepare(`SELECT "update" FROM "DocumentUpdate" WHERE "proposalId" = ? ORDER BY "id" ASC`).pluck();
  // One read transaction: the checkpoint and the rows it did not absorb, as of one moment.
  const readDocument = conn.transaction((proposalId: string): StoredDocument => ({
    checkpoint: (newestCheckpoint.get(proposalId) as CheckpointRow | undefined)?.state ?? null,
    rows: journalRows.all(proposalId) as Buffer[],
  }));
  // Compaction's reads and its swap, on this connection (the merge runs in a worker).
  const oldestRows = conn.prepare(`SELECT "id", "update" FROM "DocumentUpdate" WHERE "proposalId" = ? ORDER BY "id" ASC LIMIT ?`);
  const readOldest = conn.transaction((proposalId: string, limit: number) => ({
    previous: (newestCheckpoint.get(proposalId) as CheckpointRow | undefined) ?? null,
    rows: oldestRows.all(proposalId, limit) as Array<{ id: number; update: Buffer }>,
  }));
  // Prisma's cuid() default lives in the client, not the table: any unique id will do.
  const insertCheckpoint = conn.prepare(
    `INSERT INTO "DocumentCheckpoint" ("id", "proposalId", "state", "mergedRows", "createdAt") VALUES (?, ?, ?, ?, ?)`,
  );
  const deleteCheckpoint = conn.prepare(`DELETE FROM "DocumentCheckpoint" WHERE "id" = ?`);
  // One writer at a time on SQLite: ids are handed out in commit order, so a range is exact.
  const deleteRowsUpTo = conn.prepare(`DELETE FROM "DocumentUpdate" WHERE "proposalId" = ? AND "id" <= ?`);
  const swapOnce = conn.transaction((proposalId: string, previousId: string | null, state: Uint8Array, mergedRows: number, lastRowId: number): boolean => {
    const newest = newestCheckpoint.get(proposalId) as CheckpointRow | undefined;
    if ((newest?.id ?? null) !== previousId) return false;
    insertCheckpoint.run(randomUUID(), proposalId, state, mergedRows, prismaDateTime(new Date()));
    if (previousId) deleteCheckpoint.run(previousId);
    deleteRowsUpTo.run(proposalId, lastRowId);
    return true;
  });
  const checkpoints: CheckpointStore = {
    oldest: (proposalId, limit) => retryWhileBusy(() => timed("compaction-read", proposalId, () => readOldest(proposalId, limit))),
    swap: (proposalId, { previousId, next, rowIds }) =>
      retryWhileBusy(() => timed("compaction-swap", proposalId, () => swapOnce.immediate(proposalId, previousId, next.state, next.mergedRows, rowIds.at(-1)!))),
  };
  const writeAll = conn.transaction((rows: JournalRow[], at: string) => {
    for (const r of rows) insert.run(r.proposalId, r.update, r.userId, r.delegationId, r.clientId, at);
  });
  return {
    async write(rows) {
      timed("journal-write", null, () => writeAll(rows, prismaDateTime(new Date())));
    },
    read: (proposalId) => retryWhileBusy(() => timed("journal-read", proposalId, () => readDocument(proposalId))),
    // One node, one writer: the journal was drained and SQLite serialises writes, so this
    // connection's read is the durable text.
    readLocked: (_tx, proposalId) => retryWhileBusy(() => timed("journal-read", proposalId, () => readDocument(proposalId))),
    compact: (proposalId) => compactOldest(checkpoints, proposalId),
    close() {
      conn.close();
    },
  };
}

export function journalSinkFor(db: Db, databaseUrl: string | undefined): JournalSink {
  if (databaseUrl?.startsWith("file:")) return sqliteSink(databaseUrl);
  return prismaSink(db, { guardState: databaseUrl !== undefined && providerOf(databaseUrl) === "postgresql" });
}
