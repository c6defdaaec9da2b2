"use server";

import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { runAction } from "@/server/actions/run-action";
import { acceptInvite } from "@/server/services/accept-invite";

export async function joinWithNewAccountAction(token: string, _prev: unknown, form: FormData) {
  return runAction(() =>
    acceptInvite({
      db: db(),
      token,
      now: new Date(),
      newAccount: { name: String(form.get("name") ?? ""), email: String(form.get("email") ?? ""), password: String(form.get("password") ?? "") },
    }),
  );
}

export async function joinAsCurrentUserAction(token: string) {
  const user = await currentUser();
  if (!user) return { ok: false as const, error: "Please sign in first." };
  return runAction(() => acceptInvite({ db: db(), token, now: new Date(), userId: user.id }));
}
