// Checkpoints and journal rows through Prisma (PostgreSQL, and any engine without its own fast
// path). Several nodes may write the same journal: rows are deleted by id, never by range (a
// row committed late by another node can carry a lower id than one already read).
import type { Db } from "../../lib/db.ts";
import { asBytes } from "../../lib/bytes.ts";
import { findManyInChunks } from "../../lib/db-chunks.ts";
import type { CheckpointStore } from "./compaction.ts";

export function prismaCheckpoints(db: Db): CheckpointStore {
  return {
    async oldest(proposalId, limit) {
      const previous = await db.documentCheckpoint.findFirst({ where: { proposalId }, orderBy: { createdAt: "desc" }, select: { id: true, state: true, mergedRows: true } });
      const rows = await db.documentUpdate.findMany({ where: { proposalId }, orderBy: { id: "asc" }, take: limit, select: { id: true, update: true } });
      return { previous, rows };
    },
    swap(proposalId, { previousId, next, rowIds }) {
      return db.$transaction(async (tx) => {
        const newest = await tx.documentCheckpoint.findFirst({ where: { proposalId }, orderBy: { createdAt: "desc" }, select: { id: true } });
        if ((newest?.id ?? null) !== previousId) return false;
        await tx.documentCheckpoint.create({ data: { proposalId, state: asBytes(next.state), mergedRows: next.mergedRows } });
        if (previousId) await tx.documentCheckpoint.delete({ where: { id: previousId } });
        await findManyInChunks(rowIds, async (chunk) => {
          await tx.documentUpdate.deleteMany({ where: { id: { in: chunk } } });
          return [];
        });
        return true;
      });
    },
  };
}
