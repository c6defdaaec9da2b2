import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";

/** Rows merged per compaction: bounds the transaction and the memory one merge needs. */
export const MAX_ROWS_PER_COMPACTION = 5000;
/** Ids per DELETE statement: SQLite (through Prisma) takes at most 999 bound parameters. */
const DELETE_CHUNK = 500;

/**
 * The checkpoint that replaces `previous` once `rows` (oldest first) are folded into it. One rule
 * for every store (Prisma here, the SQLite journal's own connection in journal-sinks.ts).
 */
export function foldIntoCheckpoint(
  previous: { state: Uint8Array; mergedRows: number } | null,
  rows: Uint8Array[],
): { state: Uint8Array; mergedRows: number } {
  return {
    state: Y.mergeUpdates(previous ? [previous.state, ...rows] : rows),
    mergedRows: (previous?.mergedRows ?? 0) + rows.length,
  };
}

/**
 * Folds journal rows into a new checkpoint and deletes exactly those rows, in one transaction.
 * The rows are read from the database (not from a room's memory), so rows written by other
 * server processes are never dropped unmerged.
 */
export async function compactJournal(opts: { db: Db; proposalId: string }): Promise<{ mergedRows: number }> {
  return opts.db.$transaction(async (tx) => {
    const rows = await tx.documentUpdate.findMany({
      where: { proposalId: opts.proposalId },
      orderBy: { id: "asc" },
      take: MAX_ROWS_PER_COMPACTION,
      select: { id: true, update: true },
    });
    if (rows.length === 0) return { mergedRows: 0 };
    const previous = await tx.documentCheckpoint.findFirst({ where: { proposalId: opts.proposalId }, orderBy: { createdAt: "desc" } });
    const next = foldIntoCheckpoint(previous, rows.map((r) => r.update));
    await tx.documentCheckpoint.create({ data: { proposalId: opts.proposalId, state: asBytes(next.state), mergedRows: next.mergedRows } });
    if (previous) await tx.documentCheckpoint.delete({ where: { id: previous.id } });
    for (let i = 0; i < rows.length; i += DELETE_CHUNK) {
      await tx.documentUpdate.deleteMany({ where: { id: { in: rows.slice(i, i + DELETE_CHUNK).map((r) => r.id) } } });
    }
    return { mergedRows: rows.length };
  });
}
