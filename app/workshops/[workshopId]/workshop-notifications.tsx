// Lives beside the pages (not in components/) because it loads data through a server use case.
// The "Notifications" panel with the caller's stored notices as its first paint, so a reload
// (or another device) shows the same list and unread count; the client part then follows the
// live board.
import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { listNotifications } from "@/server/services/notifications/list-notifications";
import { LiveNotifications } from "@/components/notifications/live-notifications";
import { listNotificationsAction, markAllNotificationsReadAction } from "./notification-actions";

export async function WorkshopNotifications({ workshopId }: { workshopId: string }) {
  const user = await currentUser();
  // The page has already checked membership.
  if (!user) return null;
  const initial = await listNotifications({ db: db(), userId: user.id, workshopId });
  return (
    <LiveNotifications
      workshopId={workshopId}
      initial={initial}
      list={listNotificationsAction.bind(null, workshopId)}
      markAllRead={markAllNotificationsReadAction.bind(null, workshopId)}
    />
  );
}
