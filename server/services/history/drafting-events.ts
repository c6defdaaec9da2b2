// The bracket, paragraph-status and reading events of one proposal, oldest first, for History
// and Compare: the audit log's entries of those actions (they are what records who did it and
// when). Readable by whoever may read the history; delegation-only material is never among them.
import type { Db } from "../../../lib/db.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import { AUDIT_ACTIONS, type AuditAction } from "../../../lib/domain/vocabulary.ts";
import { authorize } from "../authorize.ts";

/** Every bracket, paragraph-status and reading action the audit log records. */
export const DRAFTING_EVENT_ACTIONS: readonly AuditAction[] = AUDIT_ACTIONS.filter((a) => /^(bracket|clause|reading)\./.test(a));

/** A page shows at most this many (the newest); a long session's earlier ones are in the audit log. */
export const MAX_DRAFTING_EVENTS = 300;

export type DraftingEvent = { id: string; action: string; actor: string; detail: Record<string, unknown>; createdAt: string };

/**
 * Events in [since, until] (both optional), oldest first; when there are more than
 * MAX_DRAFTING_EVENTS the newest of them, and `isCut` says so.
 */
export async function listDraftingEvents(opts: { db: Db; userId: string | null; proposalId: string; since?: Date; until?: Date }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  const rows = await opts.db.auditEvent.findMany({
    where: {
      proposalId: opts.proposalId,
      action: { in: [...DRAFTING_EVENT_ACTIONS] },
      createdAt: { ...(opts.since ? { gte: opts.since } : {}), ...(opts.until ? { lte: opts.until } : {}) },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: MAX_DRAFTING_EVENTS + 1,
  });
  const page = rows.slice(0, MAX_DRAFTING_EVENTS).reverse();
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((a): a is string => a !== null))];
  const actors = await findManyInChunks(actorIds, (chunk) => opts.db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }));
  const names = new Map(actors.map((u) => [u.id, u.name]));
  const events: DraftingEvent[] = page.map((r) => ({
    id: r.id,
    action: r.action,
    actor: r.actorId ? (names.get(r.actorId) ?? "Unknown") : "System",
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    createdAt: r.createdAt.toISOString(),
  }));
  return { events, isCut: rows.length > MAX_DRAFTING_EVENTS };
}
