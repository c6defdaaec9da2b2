"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { Id, PreviousState } from "@/server/actions/arguments";
import { defineAction, type Revalidation } from "@/server/actions/define-action";
import { realtime } from "@/server/realtime/global";
import { archiveWorkshop } from "@/server/services/workshop/archive-workshop";
import { editWorkshopDetails } from "@/server/services/workshop/edit-workshop-details";
import { WorkshopSettingsFields } from "../../workshop-details-fields";

// Thin: the use cases authorize (workshop.edit: a chair, and not once archived) and tell the
// live board; the caller's own pages are refreshed here, everyone else's by the board.

/** The title shows on every page of the workshop and in "My workshops". */
const refresh = {
  paths: ({ workshopId }: { workshopId: string }): Revalidation[] => [{ path: `/workshops/${workshopId}`, type: "layout" }, { path: "/workshops" }],
} as const;

export const editWorkshopDetailsAction = defineAction(
  {
    args: ["workshopId", "previous", "form"],
    input: z.object({
      workshopId: Id,
      previous: PreviousState,
      form: WorkshopSettingsFields,
    }),
    revalidate: refresh,
  },
  // The form always has the checkbox: absent means unticked.
  ({ workshopId, form }, { userId }) =>
    editWorkshopDetails({ db: db(), live: realtime().live, userId, workshopId, input: { ...form, outcomeForObservers: form.outcomeForObservers === "on" } }),
);

export const archiveWorkshopAction = defineAction(
  {
    args: ["workshopId"],
    input: z.object({ workshopId: Id }),
    // A refusal (another chair archived it first) means the page is behind: refresh it either way.
    revalidate: { ...refresh, after: "any-outcome" },
  },
  async ({ workshopId }, { userId }) => {
    await archiveWorkshop({ db: db(), live: realtime().live, userId, workshopId, now: new Date() });
  },
);
