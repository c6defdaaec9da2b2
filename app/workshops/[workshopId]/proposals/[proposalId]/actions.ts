"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { Id, PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { realtime } from "@/server/realtime/global";
import { editProposalDetails } from "@/server/services/proposals/edit-proposal-details";

// Thin: read the form, call the use case (which authorizes from the session, never from the
// bound ids), refresh what changed. Open pages elsewhere follow the live board.

export const editProposalDetailsAction = defineAction(
  {
    args: ["workshopId", "proposalId", "previous", "form"],
    input: z.object({ workshopId: Id, proposalId: Id, previous: PreviousState, form: formFields({ title: Text, summary: Text.optional() }) }),
    // The title shows on the workshop's pages and on every page of the proposal.
    revalidate: { paths: ({ workshopId }) => [{ path: `/workshops/${workshopId}`, type: "layout" }] },
  },
  async ({ proposalId, form }, { userId }) => {
    const { title, summary, changed } = await editProposalDetails({ db: db(), live: realtime().live, userId, proposalId, input: form });
    return { title, summary, changed: [...changed] };
  },
);
