"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { Id, PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { createDelegation } from "@/server/services/workshop/create-delegation";
import { CreateInviteInput, createInvite } from "@/server/services/invites/create-invite";
import { revokeInvite } from "@/server/services/invites/revoke-invite";
import { moveAgendaItem } from "@/server/services/workshop/move-agenda-item";
import { realtime } from "@/server/realtime/global";
import { ROLES } from "@/lib/domain/vocabulary";
import { changeMember } from "@/server/services/people/change-member";
import { removeMember } from "@/server/services/people/remove-member";
import { editDelegation } from "@/server/services/workshop/edit-delegation";
import { deleteDelegation } from "@/server/services/workshop/delete-delegation";

// Thin: read the form, call the use case (which authorizes), refresh the page.

export const createDelegationAction = defineAction(
  {
    args: ["workshopId", "previous", "form"],
    input: z.object({ workshopId: Id, previous: PreviousState, form: formFields({ name: Text, code: Text, colour: Text }) }),
    // Delegations show on every page of the workshop (chips, the live board).
    revalidate: { paths: ({ workshopId }) => [{ path: `/workshops/${workshopId}`, type: "layout" }] },
  },
  async ({ workshopId, form }, { userId }) => {
    await createDelegation({ db: db(), userId, workshopId, input: form });
  },
);

export const createInviteAction = defineAction(
  {
    args: ["workshopId", "previous", "form"],
    input: z.object({
      workshopId: Id,
      previous: PreviousState,
      form: formFields({
        role: CreateInviteInput.shape.role,
        // Not sent while disabled (for an observer or chair invite), nor when there are no delegations.
        delegationId: Text.optional(),
        expiresInDays: Text.optional(),
        maxUses: Text.optional(),
      }),
    }),
    revalidate: { paths: ({ workshopId }) => [{ path: `/workshops/${workshopId}/manage` }] },
  },
  async ({ workshopId, form }, { userId }) => {
    const { token } = await createInvite({
      db: db(),
      userId,
      workshopId,
      now: new Date(),
      input: {
        role: form.role,
        delegationId: form.delegationId ? form.delegationId : null,
        expiresInDays: Number(form.expiresInDays ?? 7),
        maxUses: Number(form.maxUses ?? 1),
      },
    });
    // The token is shown once, to the chair who made it; only its hash is stored.
    return { path: `/invite/${token}` };
  },
);

export const revokeInviteAction = defineAction(
  {
    args: ["workshopId", "inviteId"],
    input: z.object({ workshopId: Id, inviteId: Id }),
    // A refusal (already revoked, gone) means the list is behind: refresh it either way.
    revalidate: { paths: ({ workshopId }) => [{ path: `/workshops/${workshopId}/manage` }], after: "any-outcome" },
  },
  ({ workshopId, inviteId }, { userId }) => revokeInvite({ db: db(), userId, workshopId, inviteId, now: new Date() }),
);

export const moveAgendaItemAction = defineAction(
  {
    args: ["workshopId", "proposalId", "direction"],
    input: z.object({ workshopId: Id, proposalId: Id, direction: z.enum(["up", "down"]) }),
    revalidate: { paths: ({ workshopId }) => [{ path: `/workshops/${workshopId}`, type: "layout" }], after: "any-outcome" },
  },
  ({ workshopId, proposalId, direction }, { userId }) => moveAgendaItem({ db: db(), live: realtime().live, userId, workshopId, proposalId, direction }),
);

// Members and delegations show on every page of the workshop (names, chips, the live board).
const workshopPages = ({ workshopId }: { workshopId: string }) => [{ path: `/workshops/${workshopId}`, type: "layout" as const }];

export const changeMemberAction = defineAction(
  {
    args: ["workshopId", "memberUserId", "role", "delegationId"],
    input: z.object({ workshopId: Id, memberUserId: Id, role: z.enum(ROLES), delegationId: Text.nullable() }),
    // A refusal (last chair, a delegation just deleted) means the page is behind: refresh it.
    revalidate: { paths: workshopPages, after: "any-outcome" },
  },
  async ({ workshopId, memberUserId, role, delegationId }, { userId }) => {
    await changeMember({ db: db(), live: realtime().live, userId, workshopId, memberUserId, input: { role, delegationId } });
  },
);

export const removeMemberAction = defineAction(
  {
    args: ["workshopId", "memberUserId"],
    input: z.object({ workshopId: Id, memberUserId: Id }),
    revalidate: { paths: workshopPages, after: "any-outcome" },
  },
  ({ workshopId, memberUserId }, { userId }) => removeMember({ db: db(), live: realtime().live, userId, workshopId, memberUserId, now: new Date() }),
);

export const editDelegationAction = defineAction(
  {
    args: ["workshopId", "delegationId", "name", "colour"],
    input: z.object({ workshopId: Id, delegationId: Id, name: Text, colour: Text }),
    revalidate: { paths: workshopPages },
  },
  ({ workshopId, delegationId, name, colour }, { userId }) => editDelegation({ db: db(), live: realtime().live, userId, workshopId, delegationId, input: { name, colour } }),
);

export const deleteDelegationAction = defineAction(
  {
    args: ["workshopId", "delegationId"],
    input: z.object({ workshopId: Id, delegationId: Id }),
    revalidate: { paths: workshopPages, after: "any-outcome" },
  },
  ({ workshopId, delegationId }, { userId }) => deleteDelegation({ db: db(), live: realtime().live, userId, workshopId, delegationId }),
);
