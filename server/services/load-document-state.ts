import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";

/**
 * The proposal's current Yjs state: the newest checkpoint merged with every journal row after
 * it, plus the sequence number of the last row included.
 */
export async function loadDocumentState(opts: { db: Db; proposalId: string }): Promise<{ state: Uint8Array; lastSeq: number }> {
  const checkpoint = await opts.db.documentCheckpoint.findFirst({
    where: { proposalId: opts.proposalId },
    orderBy: { upToSeq: "desc" },
  });
  const after = checkpoint?.upToSeq ?? 0;
  const rows = await opts.db.documentUpdate.findMany({
    where: { proposalId: opts.proposalId, seq: { gt: after } },
    orderBy: { seq: "asc" },
    select: { seq: true, update: true },
  });
  const parts: Uint8Array[] = [];
  if (checkpoint) parts.push(checkpoint.state);
  for (const r of rows) parts.push(r.update);
  const state = parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : Y.mergeUpdates(parts);
  return { state, lastSeq: rows.at(-1)?.seq ?? after };
}
