import type { Db } from "../../../lib/db.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import { authorize } from "../authorize.ts";

export const AUDIT_PAGE_SIZE = 100;

/**
 * The chair's audit log: who did what and when, newest first, optionally for one proposal.
 * Pages continue after the last event's id (a cursor), not after its time: one transaction
 * writes several events within the same millisecond.
 */
export async function listAuditEvents(opts: { db: Db; userId: string | null; workshopId: string; proposalId?: string | null; after?: string }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "audit.view", workshopId: opts.workshopId });
  const where = { workshopId: opts.workshopId, ...(opts.proposalId ? { proposalId: opts.proposalId } : {}) };
  const cursorOk = opts.after ? (await opts.db.auditEvent.count({ where: { ...where, id: opts.after } })) === 1 : false;
  const rows = await opts.db.auditEvent.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(cursorOk ? { cursor: { id: opts.after! }, skip: 1 } : {}),
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const actorIds = page.map((r) => r.actorId).filter((a): a is string => a !== null);
  const actors = await findManyInChunks(actorIds, (chunk) => opts.db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }));
  const names = new Map(actors.map((u) => [u.id, u.name]));
  return {
    events: page.map((r) => ({
      id: r.id,
      action: r.action,
      proposalId: r.proposalId,
      actor: r.actorId ? (names.get(r.actorId) ?? "Unknown") : "System",
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      createdAt: r.createdAt.toISOString(),
    })),
    nextAfter: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}
