import type { Db } from "../../lib/db.ts";
import { authorize } from "./authorize.ts";

export const AUDIT_PAGE_SIZE = 100;

/** The chair's audit log: who did what and when, newest first, optionally for one proposal. */
export async function listAuditEvents(opts: { db: Db; userId: string | null; workshopId: string; proposalId?: string | null; before?: Date }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "audit.view", workshopId: opts.workshopId });
  const rows = await opts.db.auditEvent.findMany({
    where: {
      workshopId: opts.workshopId,
      ...(opts.proposalId ? { proposalId: opts.proposalId } : {}),
      ...(opts.before ? { createdAt: { lt: opts.before } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const actorIds = [...new Set(page.map((r) => r.actorId).filter((a): a is string => a !== null))];
  const names = new Map((await opts.db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    events: page.map((r) => ({
      id: r.id,
      action: r.action,
      proposalId: r.proposalId,
      actor: r.actorId ? (names.get(r.actorId) ?? "Unknown") : "System",
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      createdAt: r.createdAt.toISOString(),
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.createdAt.toISOString() : null,
  };
}
