import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { hashPassword } from "../../../lib/auth/password.ts";
import { AppError } from "../../../lib/errors.ts";
import { DisplayName, Email, NewPassword } from "./account-input.ts";
import { createResetLink } from "./create-reset-link.ts";
import { assertAdministrator } from "./instance-access.ts";
import { normalizeEmail } from "./verify-credentials.ts";

export const CreateAccountInput = z.discriminatedUnion("setup", [
  // The administrator sets a first password and passes it on.
  z.object({ setup: z.literal("password"), name: DisplayName, email: Email, password: NewPassword }),
  // The person sets their own through a one-time link (valid a day) the administrator passes on.
  z.object({ setup: z.literal("link"), name: DisplayName, email: Email }),
]);

/** An administrator creates an account (not in any workshop yet: invites or a chair add it). */
export async function createAccount(opts: {
  db: Db;
  userId: string | null;
  input: z.input<typeof CreateAccountInput>;
  now: Date;
}): Promise<{ userId: string; resetToken: string | null }> {
  await assertAdministrator(opts.db, opts.userId);
  const parsed = CreateAccountInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const input = parsed.data;
  const email = normalizeEmail(input.email);
  // With a link, the stored password is random and never told to anyone: nobody can sign in
  // until the person sets theirs.
  const passwordHash = await hashPassword(input.setup === "password" ? input.password : randomBytes(32).toString("base64url"));
  if (await opts.db.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("EMAIL_TAKEN", "An account with this email already exists.");
  }
  let created: { id: string };
  try {
    created = await opts.db.user.create({ data: { email, name: input.name, passwordHash }, select: { id: true } });
  } catch (e) {
    // Two administrators creating the same email at once: the unique index decides.
    if ((e as { code?: string }).code === "P2002") throw new AppError("EMAIL_TAKEN", "An account with this email already exists.");
    throw e;
  }
  const resetToken = input.setup === "link" ? (await createResetLink({ db: opts.db, userId: opts.userId, targetUserId: created.id, now: opts.now })).token : null;
  return { userId: created.id, resetToken };
}
