// Amendments as the protocol sends them (AmendmentView): one shape for the join answer, the
// live events and the tests. Every member of the workshop may see every amendment.
import { FORMER_MEMBER_NAME } from "../../../lib/domain/people.ts";
import type { Db, Tx } from "../../../lib/db.ts";
import type { AmendmentView, DelegationTag } from "../../../lib/protocol.ts";
import { asBytes } from "../../../lib/bytes.ts";

const SELECT = {
  id: true,
  key: true,
  anchorFrom: true,
  anchorTo: true,
  passage: true,
  insertText: true,
  reason: true,
  status: true,
  delegationId: true,
  authorId: true,
  createdAt: true,
  decidedAt: true,
  stances: { select: { delegationId: true, stance: true }, orderBy: { updatedAt: "asc" } },
} as const;

type Row = Awaited<ReturnType<typeof rowsOf>>[number];

function rowsOf(db: Db | Tx, where: { proposalId: string; id?: { in: string[] }; status?: "OPEN" }) {
  return db.amendment.findMany({ where, select: SELECT, orderBy: { createdAt: "asc" } });
}

async function toViews(db: Db | Tx, rows: Row[]): Promise<AmendmentView[]> {
  if (rows.length === 0) return [];
  const delegationIds = [...new Set(rows.map((r) => r.delegationId).filter((d): d is string => d !== null))];
  const authorIds = [...new Set(rows.map((r) => r.authorId))];
  const [delegations, authors] = await Promise.all([
    delegationIds.length ? db.delegation.findMany({ where: { id: { in: delegationIds } }, select: { id: true, name: true, code: true, colour: true } }) : [],
    db.user.findMany({ where: { id: { in: authorIds } }, select: { id: true, name: true } }),
  ]);
  const tag = new Map<string, DelegationTag>(delegations.map((d) => [d.id, d]));
  const name = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    key: r.key,
    from: asBytes(r.anchorFrom),
    to: asBytes(r.anchorTo),
    passage: r.passage,
    insert: r.insertText,
    reason: r.reason,
    status: r.status,
    delegation: r.delegationId ? (tag.get(r.delegationId) ?? null) : null,
    author: { id: r.authorId, name: name.get(r.authorId) ?? FORMER_MEMBER_NAME },
    stances: r.stances.map((s) => ({ delegationId: s.delegationId, stance: s.stance })),
    createdAt: r.createdAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
  }));
}

/**
 * Decided amendments (accepted, rejected, withdrawn, superseded, discarded while typing) a tab
 * is sent on opening the text: the most recent ones. With MAX_OPEN_AMENDMENTS open ones and
 * MAX_THREADS threads, a join answer stays far below what a client decodes (two anchors each;
 * MAX_ATTACHMENTS_FROM_SERVER) however long a proposal's record grows. The full record of
 * every decision stays in the audit log and in each version's list of open amendments.
 */
export const MAX_DECIDED_AMENDMENTS_SENT = 1000;

/** The open amendments and the most recent decided ones, oldest first (the browser orders them by where they are in the text). */
export async function listAmendmentViews(db: Db | Tx, proposalId: string): Promise<AmendmentView[]> {
  const [open, decided] = await Promise.all([
    rowsOf(db, { proposalId, status: "OPEN" }),
    db.amendment.findMany({
      where: { proposalId, status: { not: "OPEN" } },
      select: SELECT,
      orderBy: { updatedAt: "desc" },
      take: MAX_DECIDED_AMENDMENTS_SENT,
    }),
  ]);
  const rows = [...open, ...decided].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  return toViews(db, rows);
}

/** The given amendments of a proposal (those a change touched), for the live event. */
export async function amendmentViews(db: Db | Tx, proposalId: string, ids: string[]): Promise<AmendmentView[]> {
  if (ids.length === 0) return [];
  return toViews(db, await rowsOf(db, { proposalId, id: { in: ids } }));
}

/** The open amendments of a proposal (a room's cache of them: server/realtime/amendment-cache.ts). */
export async function openAmendmentViews(db: Db | Tx, proposalId: string): Promise<AmendmentView[]> {
  return toViews(db, await rowsOf(db, { proposalId, status: "OPEN" }));
}
