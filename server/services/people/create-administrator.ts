import type { Db } from "../../../lib/db.ts";
import { hashPassword } from "../../../lib/auth/password.ts";
import { AppError } from "../../../lib/errors.ts";
import { DisplayName, Email, NewPassword, problemWith } from "./account-input.ts";
import { normalizeEmail } from "./verify-credentials.ts";

/**
 * The operator's way in (`npm run accord -- create-admin`): a new instance administrator, or,
 * with `promote`, an existing account made one (its password unchanged). Run by whoever holds
 * the server's database, so no caller is authorized here.
 */
export async function createAdministrator(opts: {
  db: Db;
  email: string;
  name?: string;
  /** Asked only when an account is to be created (a promotion keeps the password). */
  password: () => Promise<string>;
  promote?: boolean;
}): Promise<{ userId: string; created: boolean }> {
  const emailProblem = problemWith(Email, opts.email);
  if (emailProblem) throw new AppError("INVALID_INPUT", emailProblem);
  const email = normalizeEmail(opts.email);
  const existing = await opts.db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    if (!opts.promote) throw new AppError("EMAIL_TAKEN", `An account with the email ${email} already exists. Add --promote to make it an administrator.`);
    await opts.db.user.update({ where: { id: existing.id }, data: { isAdmin: true } });
    return { userId: existing.id, created: false };
  }
  const nameProblem = problemWith(DisplayName, opts.name ?? "");
  if (nameProblem) throw new AppError("INVALID_INPUT", `--name: ${nameProblem}`);
  const password = await opts.password();
  const passwordProblem = problemWith(NewPassword, password);
  if (passwordProblem) throw new AppError("INVALID_INPUT", `Password: ${passwordProblem}`);
  const user = await opts.db.user.create({
    data: { email, name: DisplayName.parse(opts.name), passwordHash: await hashPassword(password), isAdmin: true },
    select: { id: true },
  });
  return { userId: user.id, created: true };
}
