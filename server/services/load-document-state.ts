import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";

/**
 * The proposal's current Yjs state: the newest checkpoint merged with every journal row still
 * present. Rows a checkpoint already absorbed are deleted with it; should one survive a crash
 * between the two, applying it again changes nothing (Yjs updates are idempotent).
 */
export async function loadDocumentState(opts: { db: Db; proposalId: string }): Promise<{ state: Uint8Array; journalRows: number }> {
  const checkpoint = await opts.db.documentCheckpoint.findFirst({
    where: { proposalId: opts.proposalId },
    orderBy: { createdAt: "desc" },
    select: { state: true },
  });
  const rows = await opts.db.documentUpdate.findMany({
    where: { proposalId: opts.proposalId },
    orderBy: { id: "asc" },
    select: { update: true },
  });
  const parts: Uint8Array[] = [];
  if (checkpoint) parts.push(checkpoint.state);
  for (const r of rows) parts.push(r.update);
  const state = parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  return { state, journalRows: rows.length };
}
