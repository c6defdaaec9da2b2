// "Mark all read": every unread notice of the caller's in this workshop, and nobody else's.
import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";

export async function markAllNotificationsRead(opts: { db: Db; userId: string | null; workshopId: string; now: Date }): Promise<{ marked: number }> {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "workshop.view", workshopId: opts.workshopId });
  const { count } = await opts.db.notification.updateMany({
    where: { userId: membership.userId, workshopId: opts.workshopId, readAt: null },
    data: { readAt: opts.now },
  });
  return { marked: count };
}
