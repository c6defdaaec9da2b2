"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { Id } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { createResetLink } from "@/server/services/people/create-reset-link";

// A chair (people.manage) makes a one-time password-reset link for a member of this workshop;
// the use case authorizes, refuses non-members and administrators, and audits it.

export const createMemberResetLinkAction = defineAction(
  { args: ["workshopId", "targetUserId"], input: z.object({ workshopId: Id, targetUserId: Id }) },
  async ({ workshopId, targetUserId }, { userId }) => {
    const { token, expiresAt } = await createResetLink({ db: db(), userId, targetUserId, workshopId, now: new Date() });
    return { path: `/reset/${token}`, expiresAt: expiresAt.toISOString() };
  },
);
