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
  const details = page.map((r) => JSON.parse(r.detail) as Record<string, unknown>);
  const speakers = await speakersOf(opts.db, opts.workshopId, page.map((r, i) => (FLOOR_ACTIONS.has(r.action) ? details[i]!.requestId : undefined)));
  return {
    events: page.map((r, i) => {
      const detail = details[i]!;
      const speaker = typeof detail.requestId === "string" ? speakers.get(detail.requestId) : undefined;
      return {
        id: r.id,
        action: r.action,
        proposalId: r.proposalId,
        actor: r.actorId ? (names.get(r.actorId) ?? "Unknown") : "System",
        // The speaker is looked up, not stored: entries only keep the request's id.
        detail: speaker ? { ...detail, speaker } : detail,
        createdAt: r.createdAt.toISOString(),
      };
    }),
    nextAfter: rows.length > AUDIT_PAGE_SIZE ? page.at(-1)!.id : null,
  };
}

/** Floor events whose entry names a request: the log says whose turn it was. */
const FLOOR_ACTIONS = new Set(["floor.request", "floor.give", "floor.end"]);

/** Request id → the person who asked and their delegation (removed delegations stay null-safe). */
async function speakersOf(db: Db, workshopId: string, requestIds: unknown[]) {
  const ids = [...new Set(requestIds.filter((id): id is string => typeof id === "string"))];
  const requests = await findManyInChunks(ids, (chunk) =>
    db.floorRequest.findMany({ where: { id: { in: chunk }, workshopId }, select: { id: true, userId: true, delegationId: true } }),
  );
  const users = await findManyInChunks([...new Set(requests.map((r) => r.userId))], (chunk) => db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }));
  const userNames = new Map(users.map((u) => [u.id, u.name]));
  return new Map(requests.map((r) => [r.id, { name: userNames.get(r.userId) ?? "Unknown", delegationId: r.delegationId }]));
}
