"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { InviteToken, PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { LoginLimiter } from "@/server/auth/login-limiter";
import { acceptInvite } from "@/server/services/invites/accept-invite";

// The link's token is the credential; the use case checks it (and the new account's fields).

/** Wrong passwords for an email that has an account, slowed as failed sign-ins are (counted in the database). */
const joinPasswordChecks = new LoginLimiter();

export const joinWithNewAccountAction = defineAction(
  {
    args: ["token", "previous", "form"],
    input: z.object({ token: InviteToken, previous: PreviousState, form: formFields({ name: Text, email: Text, password: Text }) }),
  },
  async ({ token, form }) => {
    const { workshopId } = await acceptInvite({ db: db(), token, now: new Date(), newAccount: form, limiter: joinPasswordChecks });
    return { workshopId };
  },
);

export const joinAsCurrentUserAction = defineAction(
  { args: ["token"], input: z.object({ token: InviteToken }), authorize: "signed-in" },
  async ({ token }, { userId }) => {
    const { workshopId } = await acceptInvite({ db: db(), token, now: new Date(), userId });
    return { workshopId };
  },
);
