// The progress summary the workshop board shows without loading any text: counted on the live
// text's paragraphs whenever a status or a bracket changes, stored on the proposal
// (Proposal.progress). Open brackets are counted when the board is built (get-workshop-live.ts).
import type { Db } from "../../../lib/db.ts";
import { isAgreedStatus, progressOf } from "../../../lib/domain/drafting.ts";
import type { ClauseStatus } from "../../../lib/domain/vocabulary.ts";
import type { LiveDocuments } from "../live-documents.ts";

/** What Proposal.progress holds (JSON). */
export type StoredProgress = { paragraphs: number; agreed: number; adReferendum: number; parked: number };

export function parseStoredProgress(json: string | null): StoredProgress | null {
  if (!json) return null;
  try {
    const p = JSON.parse(json) as Partial<StoredProgress>;
    const n = (v: unknown) => (typeof v === "number" && Number.isFinite(v) ? v : 0);
    return { paragraphs: n(p.paragraphs), agreed: n(p.agreed), adReferendum: n(p.adReferendum), parked: n(p.parked) };
  } catch {
    return null;
  }
}

/** The proposal's paragraph statuses as stored (no row: Open). */
export async function statusesOf(db: Db, proposalId: string): Promise<Map<string, ClauseStatus>> {
  const rows = await db.clauseState.findMany({ where: { proposalId }, select: { clauseKey: true, status: true } });
  return new Map(rows.map((r) => [r.clauseKey, r.status]));
}

/**
 * Counts the live text's paragraphs by status and stores the count on the proposal. A caller
 * that has just read the paragraphs or the statuses passes them: each is read once per change.
 */
export async function recountProgress(
  db: Db,
  rooms: Pick<LiveDocuments, "readParagraphs">,
  proposalId: string,
  known: { keys?: readonly string[]; statuses?: ReadonlyMap<string, ClauseStatus> } = {},
): Promise<StoredProgress> {
  const [keys, statuses] = await Promise.all([known.keys ?? rooms.readParagraphs(proposalId).then((r) => r.keys), known.statuses ?? statusesOf(db, proposalId)]);
  const { paragraphs, agreed, adReferendum, parked } = progressOf(keys, statuses, []);
  const stored: StoredProgress = { paragraphs, agreed, adReferendum, parked };
  await db.proposal.update({ where: { id: proposalId }, data: { progress: JSON.stringify(stored) } });
  return stored;
}

/** The paragraphs whose text is protected (Agreed, or Agreed ad referendum). */
export function protectedKeys(statuses: ReadonlyMap<string, ClauseStatus>): string[] {
  return [...statuses].filter(([, s]) => isAgreedStatus(s)).map(([k]) => k);
}

/**
 * After an automatic version: the text may have gained or lost paragraphs by typing since the
 * last count. Recounted only for a proposal whose progress is tracked (a status or a bracket
 * was ever set), so texts nobody reads to agreement cost nothing.
 */
export async function recountIfTracked(db: Db, rooms: Pick<LiveDocuments, "readParagraphs">, proposalId: string): Promise<void> {
  const p = await db.proposal.findUnique({ where: { id: proposalId }, select: { progress: true } });
  if (p?.progress) await recountProgress(db, rooms, proposalId);
}
