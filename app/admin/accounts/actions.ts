"use server";

import { z } from "zod";
import { db } from "@/lib/db";
import { Id, PreviousState, Text, formFields } from "@/server/actions/arguments";
import { defineAction } from "@/server/actions/define-action";
import { createAccount } from "@/server/services/people/create-account";
import { createResetLink } from "@/server/services/people/create-reset-link";

// Instance administrators only: each use case checks the caller's isAdmin first (FORBIDDEN
// otherwise), before it reads anything else.

const accountsPage = { paths: () => [{ path: "/admin/accounts" }] };

export const createAccountAction = defineAction(
  {
    args: ["previous", "form"],
    input: z.object({ previous: PreviousState, form: formFields({ name: Text, email: Text, setup: Text, password: Text.optional() }) }),
    authorize: "signed-in",
    revalidate: accountsPage,
  },
  async ({ form }, { userId }) => {
    const input = form.setup === "password" ? { setup: "password" as const, name: form.name, email: form.email, password: form.password ?? "" } : { setup: "link" as const, name: form.name, email: form.email };
    const { resetToken } = await createAccount({ db: db(), userId, input, now: new Date() });
    return { email: form.email.trim().toLowerCase(), path: resetToken ? `/reset/${resetToken}` : null };
  },
);

export const createAccountResetLinkAction = defineAction(
  { args: ["targetUserId"], input: z.object({ targetUserId: Id }), authorize: "signed-in" },
  async ({ targetUserId }, { userId }) => {
    const { token, expiresAt } = await createResetLink({ db: db(), userId, targetUserId, now: new Date() });
    return { path: `/reset/${token}`, expiresAt: expiresAt.toISOString() };
  },
);
