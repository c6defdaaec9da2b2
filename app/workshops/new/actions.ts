"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { db } from "@/lib/db";
import { PreviousState } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { createWorkshop } from "@/server/services/workshop/create-workshop";
import { WorkshopDetailsFields } from "../workshop-details-fields";

// Thin: read the form, call the use case (which checks who may create workshops on this
// instance and every field), open the new workshop.

export const createWorkshopAction = defineAction(
  {
    args: ["previous", "form"],
    input: z.object({
      previous: PreviousState,
      form: WorkshopDetailsFields,
    }),
    authorize: "signed-in",
  },
  async ({ form }, { userId }) => {
    const { workshopId } = await createWorkshop({ db: db(), userId, input: form });
    redirect(`/workshops/${workshopId}`);
  },
);
