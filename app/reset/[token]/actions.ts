"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { InviteToken, PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { realtime } from "@/server/realtime/global";
import { resetPassword } from "@/server/services/people/reset-password";

// The link's token is the credential (whoever holds it may set the password once); the use case
// checks it, and the new password against the sign-up rules.

export const resetPasswordAction = defineAction(
  { args: ["token", "previous", "form"], input: z.object({ token: InviteToken, previous: PreviousState, form: formFields({ newPassword: Text }) }) },
  async ({ token, form }) => resetPassword({ db: db(), live: realtime().live, token, newPassword: form.newPassword, now: new Date() }),
);
