"use server";
// The "Notifications" panel's two calls: read the caller's list (live refresh), mark it read.
// Thin: the session names the caller, the use cases authorize (workshop.view) and touch only
// the caller's own rows.
import { z } from "zod";
import { db } from "@/lib/db";
import { Id } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { listNotifications } from "@/server/services/notifications/list-notifications";
import { markAllNotificationsRead } from "@/server/services/notifications/mark-all-read";

export const listNotificationsAction = defineAction({ args: ["workshopId"], input: z.object({ workshopId: Id }) }, ({ workshopId }, { userId }) =>
  listNotifications({ db: db(), userId, workshopId }),
);

export const markAllNotificationsReadAction = defineAction({ args: ["workshopId"], input: z.object({ workshopId: Id }) }, ({ workshopId }, { userId }) =>
  markAllNotificationsRead({ db: db(), userId, workshopId, now: new Date() }),
);
