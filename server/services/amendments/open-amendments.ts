// The amendments open at one moment, as a version records them (Version.openAmendments): enough
// to read the version's page later without the amendments' current state — names and words as
// they were, not ids to look up.
import { FORMER_MEMBER_NAME } from "../../../lib/domain/people.ts";
import type { Tx } from "../../../lib/db.ts";
import type { OpenAmendmentRecord } from "../../../lib/domain/amendments.ts";

export type { OpenAmendmentRecord };

/** Read in the caller's transaction, so the list matches the text the version holds. */
export async function openAmendmentsNow(tx: Tx, proposalId: string): Promise<OpenAmendmentRecord[]> {
  const rows = await tx.amendment.findMany({
    where: { proposalId, status: "OPEN" },
    select: { id: true, delegationId: true, authorId: true, passage: true, insertText: true, reason: true },
    orderBy: { createdAt: "asc" },
  });
  if (rows.length === 0) return [];
  const delegationIds = [...new Set(rows.flatMap((r) => (r.delegationId ? [r.delegationId] : [])))];
  const [delegations, authors] = await Promise.all([
    delegationIds.length ? tx.delegation.findMany({ where: { id: { in: delegationIds } }, select: { id: true, code: true, name: true } }) : [],
    tx.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } }, select: { id: true, name: true } }),
  ]);
  const delegation = new Map(delegations.map((d) => [d.id, { code: d.code, name: d.name }]));
  const author = new Map(authors.map((a) => [a.id, a.name]));
  return rows.map((r) => ({
    id: r.id,
    delegation: r.delegationId ? (delegation.get(r.delegationId) ?? null) : null,
    author: author.get(r.authorId) ?? FORMER_MEMBER_NAME,
    passage: r.passage,
    insert: r.insertText,
    reason: r.reason,
  }));
}

/** A version's stored list, read defensively: a row from before the column holds "[]". */
export function parseOpenAmendments(json: string): OpenAmendmentRecord[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as OpenAmendmentRecord[]) : [];
  } catch {
    return [];
  }
}
