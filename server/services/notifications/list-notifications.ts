// The "Notifications" panel's content: the caller's own stored notices in one workshop, newest
// first, one page of them, and how many of all they keep are unread.
import type { Db } from "../../../lib/db.ts";
import { MAX_LISTED_NOTIFICATIONS, type NotificationList } from "../../../lib/domain/notifications.ts";
import { authorize } from "../authorize.ts";

export async function listNotifications(opts: { db: Db; userId: string | null; workshopId: string }): Promise<NotificationList> {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "workshop.view", workshopId: opts.workshopId });
  // The caller's id from the session, the workshop just authorized: nobody else's rows, no other workshop's.
  const mine = { userId: membership.userId, workshopId: opts.workshopId };
  const [rows, unread] = await Promise.all([
    opts.db.notification.findMany({
      where: mine,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: MAX_LISTED_NOTIFICATIONS,
      select: { id: true, kind: true, text: true, href: true, createdAt: true, readAt: true },
    }),
    opts.db.notification.count({ where: { ...mine, readAt: null } }),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, text: r.text, href: r.href, createdAt: r.createdAt.toISOString(), isRead: r.readAt !== null })),
    unread,
  };
}
