// Checkpoints and journal rows through Prisma (PostgreSQL, and any engine without its own fast
// path). Several nodes may write the same journal: rows are deleted by id, never by range (a
// row committed late by another node can carry a lower id than one already read). Two nodes
// compacting one proposal at once: one swap wins, the other writes nothing and says so quietly.
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
    async swap(proposalId, { previousId, next, rowIds }) {
      try {
        // Serializable: two nodes compacting one proposal at once (both unloading its room, say)
        // cannot both swap; the one that would overwrite the other's checkpoint is refused.
        return await db.$transaction(
          async (tx) => {
            const newest = await tx.documentCheckpoint.findFirst({ where: { proposalId }, orderBy: { createdAt: "desc" }, select: { id: true } });
            if ((newest?.id ?? null) !== previousId) return false;
            // The claim: the previous checkpoint is deleted by this swap or by none.
            if (previousId && (await tx.documentCheckpoint.deleteMany({ where: { id: previousId } })).count !== 1) return false;
            await tx.documentCheckpoint.create({ data: { proposalId, state: asBytes(next.state), mergedRows: next.mergedRows } });
            await findManyInChunks(rowIds, async (chunk) => {
              await tx.documentUpdate.deleteMany({ where: { id: { in: chunk } } });
              return [];
            });
            return true;
          },
          { isolationLevel: "Serializable" },
        );
      } catch (e) {
        // Another swap of this proposal won (the database refused this one, which wrote nothing).
        if (isLostRace(e)) return false;
        throw e;
      }
    },
  };
}

/** Serialization failure (P2034) or the claimed checkpoint gone (P2025): another swap committed first. */
function isLostRace(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  if (code === "P2034" || code === "P2025") return true;
  const message = (e as Error | null)?.message ?? "";
  return /could not serialize access|40001|TransactionWriteConflict/i.test(message);
}
