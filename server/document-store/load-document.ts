import * as Y from "yjs";
import type { Db } from "../../lib/db.ts";

/** A proposal's document as stored: the newest checkpoint and the journal rows written since. */
export type StoredDocument = { checkpoint: Uint8Array | null; rows: Uint8Array[] };

/**
 * Rows a checkpoint already absorbed are deleted with it; should one survive a crash between
 * the two, applying it again changes nothing (Yjs updates are idempotent).
 */
export async function readStoredDocument(db: Pick<Db, "documentCheckpoint" | "documentUpdate">, proposalId: string): Promise<StoredDocument> {
  const [checkpoint, rows] = await Promise.all([
    db.documentCheckpoint.findFirst({ where: { proposalId }, orderBy: { createdAt: "desc" }, select: { state: true } }),
    db.documentUpdate.findMany({ where: { proposalId }, orderBy: { id: "asc" }, select: { update: true } }),
  ]);
  return { checkpoint: checkpoint?.state ?? null, rows: rows.map((r) => r.update) };
}

/** The proposal's current Yjs state as one update: the newest checkpoint merged with every journal row. */
export async function loadDocumentState(opts: { db: Db; proposalId: string }): Promise<{ state: Uint8Array; journalRows: number }> {
  const { checkpoint, rows } = await readStoredDocument(opts.db, opts.proposalId);
  const parts = checkpoint ? [checkpoint, ...rows] : rows;
  const state = parts.length === 0 ? Y.encodeStateAsUpdate(new Y.Doc()) : parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  return { state, journalRows: rows.length };
}

/** A stored document as a Y.Doc: the checkpoint, then each row, in one transaction. */
export function docOf(stored: StoredDocument): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    if (stored.checkpoint) Y.applyUpdate(doc, stored.checkpoint);
    for (const row of stored.rows) Y.applyUpdate(doc, row);
  });
  return doc;
}
