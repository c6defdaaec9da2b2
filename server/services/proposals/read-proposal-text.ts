// The proposal's text as a page first shows it. When this process holds the proposal's room, its
// live document is the text — what everyone in the room sees now, ahead of what the journal has
// stored — and nothing is read from the database. Otherwise (nobody has opened it since the
// server started, or its room was unloaded) the stored document (checkpoint + journal rows) is
// read where the rooms read it, so the text is the one the room will load moments later.
import type * as Y from "yjs";
import type { Db } from "../../../lib/db.ts";
import { docFromState, pmJsonOf, type PmJson } from "../../../lib/document/convert.ts";
import { docOf, loadDocumentState, type StoredDocument } from "../../document-store/load-document.ts";

/**
 * What a page's read needs of this process's live rooms, read only (RoomRegistry has both):
 * the loaded room of a proposal, if any, and the stored document as the rooms read it (on SQLite
 * through the journal's own connection, which reads a BLOB without Prisma's per-byte mapping).
 */
export type LoadedDocuments = {
  peek(proposalId: string): { readonly doc: Y.Doc; readonly isBroken: boolean } | undefined;
  readonly journal: { read(proposalId: string): Promise<StoredDocument> };
};

/** Where the text came from: the loaded room's document, or the database. */
export type TextSource = "live" | "stored";

export async function readProposalText(opts: { db: Db; live?: LoadedDocuments; proposalId: string }): Promise<{ content: PmJson; source: TextSource }> {
  const room = opts.live?.peek(opts.proposalId);
  // A broken room (its journal gave up) may hold changes that were never stored: the database's text is the one that counts.
  if (room && !room.isBroken) return { content: pmJsonOf(room.doc), source: "live" };
  const doc = opts.live ? docOf(await opts.live.journal.read(opts.proposalId)) : docFromState((await loadDocumentState({ db: opts.db, proposalId: opts.proposalId })).state);
  try {
    return { content: pmJsonOf(doc), source: "stored" };
  } finally {
    doc.destroy();
  }
}
