// A request for the floor made during a reading is about the paragraph being read: the chair's
// queue shows "on paragraph 4". Only the workshop's current item is being read aloud.
import type { Db, Tx } from "../../../lib/db.ts";
import type { LiveDocuments } from "../live-documents.ts";

export type ReadingParagraph = { proposalId: string; clauseKey: string; paragraphNumber: number | null };

export async function readingParagraph(db: Db | Tx, rooms: Pick<LiveDocuments, "readParagraphs"> | undefined, workshopId: string): Promise<ReadingParagraph | null> {
  const workshop = await db.workshop.findUnique({ where: { id: workshopId }, select: { currentProposalId: true } });
  const proposalId = workshop?.currentProposalId;
  if (!proposalId) return null;
  const reading = await db.reading.findFirst({ where: { proposalId, endedAt: null }, select: { currentKey: true } });
  if (!reading?.currentKey) return null;
  // Its number in the text as it reads now (paragraphs come and go while the reading runs).
  const at = rooms ? (await rooms.readParagraphs(proposalId)).keys.indexOf(reading.currentKey) : -1;
  return { proposalId, clauseKey: reading.currentKey, paragraphNumber: at >= 0 ? at + 1 : null };
}
