"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { Id, PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction, type Revalidation } from "@/server/actions/define-action";
import { realtime } from "@/server/realtime/global";
import { restoreVersion } from "@/server/services/history/restore-version";
import { saveNamedVersion } from "@/server/services/history/save-named-version";
import { duplicateAsNewDraft } from "@/server/services/proposals/duplicate-as-new-draft";

// Thin: read the form, call the use case (which authorizes from the session, never from the
// bound ids), refresh what changed. The ids only say which proposal and which pages.

/** The proposal page's server-rendered fallback text and its history, both below this layout. */
const proposalPages = ({ workshopId, proposalId }: { workshopId: string; proposalId: string }): Revalidation[] => [
  { path: `/workshops/${workshopId}/proposals/${proposalId}`, type: "layout" },
];

export const saveVersionAction = defineAction(
  {
    args: ["workshopId", "proposalId", "previous", "form"],
    input: z.object({ workshopId: Id, proposalId: Id, previous: PreviousState, form: formFields({ label: Text }) }),
    revalidate: { paths: proposalPages },
  },
  async ({ proposalId, form }, { userId }) => {
    const version = await saveNamedVersion({ db: db(), rooms: realtime().rooms, userId, proposalId, label: form.label });
    return { number: version.number };
  },
);

export const restoreVersionAction = defineAction(
  {
    // confirmAgreed: the chair was told agreed paragraphs would change and restores anyway.
    args: ["workshopId", "proposalId", "number", "confirmAgreed"],
    input: z.object({ workshopId: Id, proposalId: Id, number: z.number().int().positive(), confirmAgreed: z.boolean() }),
    // The live text changed: the proposal page's server-rendered fallback and the history both.
    revalidate: { paths: proposalPages },
  },
  async ({ proposalId, number, confirmAgreed }, { userId }) => {
    const version = await restoreVersion({ db: db(), rooms: realtime().rooms, live: realtime().live, userId, proposalId, number, confirmAgreed });
    return { number: version.number };
  },
);

export const duplicateAsNewDraftAction = defineAction(
  {
    args: ["workshopId", "proposalId", "number"],
    input: z.object({ workshopId: Id, proposalId: Id, number: z.number().int().positive() }),
    // A new item on the workshop's agenda.
    revalidate: { paths: ({ workshopId }) => [{ path: `/workshops/${workshopId}`, type: "layout" }] },
  },
  async ({ proposalId, number }, { userId }) => duplicateAsNewDraft({ db: db(), live: realtime().live, userId, proposalId, number, now: new Date() }),
);
