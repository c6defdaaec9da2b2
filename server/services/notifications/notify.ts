// Tells every member of a workshop about a change, as stored notifications (one row per person),
// written by the use case that made the change, in its transaction: the notice exists exactly
// when the change does, and a reload or another device lists it (list-notifications.ts).
import type { Db, Tx } from "../../../lib/db.ts";
import { IN_CHUNK_SIZE, findManyInChunks } from "../../../lib/db-chunks.ts";
import {
  MAX_KEPT_NOTIFICATIONS,
  PRUNE_SLACK,
  notificationHref,
  notificationText,
  type NoticeSubject,
  type NotificationKind,
} from "../../../lib/domain/notifications.ts";

// The shared client or a transaction's: what the use case at hand writes with.
type Writer = Db | Tx;

/**
 * Rows per insert: 7 columns each stays far below SQLite's 999 bound parameters (see
 * lib/db-chunks.ts), so a workshop of any size is a few inserts, not one refused one.
 */
const ROWS_PER_INSERT = 100;

export type Notice = {
  workshopId: string;
  proposalId?: string | null;
  kind: NotificationKind;
  text: string;
  href: string;
  /** Usually whoever made the change: they need not be told what they just did. */
  except?: string | null;
  /** Only the members seated in these delegations (a comment's mentions); everyone when absent. */
  delegationIds?: readonly string[];
};

/**
 * One row per member of the workshop (but `except`), then the bound on what each person keeps.
 * Answers who was notified (so a use case can tell their open pages once it has committed).
 */
export async function notifyWorkshop(db: Writer, n: Notice): Promise<string[]> {
  const members = await db.member.findMany({
    where: { workshopId: n.workshopId, ...(n.except ? { userId: { not: n.except } } : {}), ...(n.delegationIds ? { delegationId: { in: [...n.delegationIds] } } : {}) },
    select: { userId: true },
  });
  const userIds = members.map((m) => m.userId);
  for (let i = 0; i < userIds.length; i += ROWS_PER_INSERT) {
    await db.notification.createMany({
      data: userIds.slice(i, i + ROWS_PER_INSERT).map((userId) => ({
        userId,
        workshopId: n.workshopId,
        proposalId: n.proposalId ?? null,
        kind: n.kind,
        text: n.text,
        href: n.href,
      })),
    });
  }
  await pruneOverflow(db, n.workshopId, userIds);
  return userIds;
}

/**
 * The same, about one proposal: the sentence and the link come from the pure rules
 * (lib/domain/notifications.ts), the title from the proposal as it is in this transaction.
 */
export async function notifyProposal(
  db: Writer,
  n: { kind: NotificationKind; proposalId: string; except?: string | null; delegationIds?: readonly string[] } & Omit<NoticeSubject, "title">,
): Promise<string[]> {
  const p = await db.proposal.findUnique({ where: { id: n.proposalId }, select: { workshopId: true, title: true } });
  if (!p) return [];
  const at = { workshopId: p.workshopId, proposalId: n.proposalId };
  return notifyWorkshop(db, {
    ...at,
    kind: n.kind,
    text: notificationText(n.kind, { title: p.title, isAdopted: n.isAdopted, versionNumber: n.versionNumber, author: n.author }),
    href: notificationHref(n.kind, at),
    except: n.except,
    delegationIds: n.delegationIds,
  });
}

/**
 * Keeps each person's newest MAX_KEPT_NOTIFICATIONS in this workshop. Only someone past the
 * bound by PRUNE_SLACK is pruned, so the steady state is one counting query per notice and a
 * batch delete every PRUNE_SLACK notices, not a delete per member each time.
 */
async function pruneOverflow(db: Writer, workshopId: string, userIds: string[]): Promise<void> {
  const counts = await findManyInChunks(userIds, (chunk) =>
    db.notification.groupBy({ by: ["userId"], where: { workshopId, userId: { in: chunk } }, _count: { _all: true } }),
  );
  for (const { userId, _count } of counts) {
    if (_count._all <= MAX_KEPT_NOTIFICATIONS + PRUNE_SLACK) continue;
    const old = await db.notification.findMany({
      where: { userId, workshopId },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: MAX_KEPT_NOTIFICATIONS,
      select: { id: true },
    });
    const ids = old.map((o) => o.id);
    for (let i = 0; i < ids.length; i += IN_CHUNK_SIZE) await db.notification.deleteMany({ where: { id: { in: ids.slice(i, i + IN_CHUNK_SIZE) } } });
  }
}
