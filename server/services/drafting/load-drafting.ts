// What every drafting use case does between authorizing and writing: the bracket as stored
// (only within the proposal the caller was authorized for), the facts the pure rules ask about,
// a paragraph's status, and a rule's refusal as a named error.
import type { Db, Tx } from "../../../lib/db.ts";
import type { BracketFacts } from "../../../lib/domain/drafting.ts";
import type { ClauseStatus } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";
import type { LiveDocuments } from "../live-documents.ts";
import type { LiveNotifier } from "../live-notifier.ts";

export { actorOf, assertStateStill, delegationSuffix, enforce } from "../amendments/load-amendment.ts";

/** What every drafting use case is given: who asks (never from the payload), about which proposal. */
export type DraftingDeps = { db: Db; rooms: LiveDocuments; live: LiveNotifier; userId: string | null; proposalId: string; now?: Date };


/** The bracket, if it belongs to this proposal: another proposal's id is as unknown as a made-up one. */
export async function loadBracket(db: Db | Tx, proposalId: string, bracketId: string) {
  const row = await db.bracket.findFirst({
    where: { id: bracketId, proposalId },
    include: { holders: { select: { delegationId: true } }, _count: { select: { options: true } } },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export type BracketRow = Awaited<ReturnType<typeof loadBracket>>;

export function factsOf(row: BracketRow): BracketFacts {
  return { status: row.status, holders: row.holders.map((h) => h.delegationId), options: row._count.options };
}

/** A paragraph's status: no row means Open. */
export async function paragraphStatus(db: Db | Tx, proposalId: string, clauseKey: string): Promise<ClauseStatus> {
  const row = await db.clauseState.findUnique({ where: { proposalId_clauseKey: { proposalId, clauseKey } }, select: { status: true } });
  return row?.status ?? "OPEN";
}
