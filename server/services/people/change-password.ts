import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { hashPassword, verifyPassword } from "../../../lib/auth/password.ts";
import { ACCOUNT_RULE } from "../../../lib/domain/login-delay.ts";
import { AppError } from "../../../lib/errors.ts";
import type { LoginLimiter } from "../../auth/login-limiter.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { NewPassword } from "./account-input.ts";
import { forgetDemoInstanceCheck } from "./is-demo-instance.ts";

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, "Enter your current password.").max(200),
  newPassword: NewPassword,
});

/**
 * Replaces the account's password after checking the current one. Every other session ends
 * (as with "Sign out everywhere"); the caller re-issues its own token with the returned epoch.
 * A wrong current password changes nothing; with `limiter`, wrong guesses are limited as failed
 * sign-ins are (a stolen session cannot try passwords at full speed to take the account over).
 */
export async function changePassword(opts: {
  db: Db;
  live: LiveNotifier;
  userId: string | null;
  input: z.input<typeof ChangePasswordInput>;
  limiter?: LoginLimiter;
  now?: number;
}): Promise<{ sessionEpoch: number }> {
  if (!opts.userId) throw new AppError("UNAUTHENTICATED");
  const parsed = ChangePasswordInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const { currentPassword, newPassword } = parsed.data;
  const user = await opts.db.user.findUnique({ where: { id: opts.userId }, select: { passwordHash: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  // Growing delays, as for an account's failed sign-ins (lib/domain/login-delay.ts).
  const keys = [{ key: `password-change:${opts.userId}`, rule: ACCOUNT_RULE }];
  const now = opts.now ?? Date.now();
  const wait = opts.limiter ? await opts.limiter.wait(keys, now) : 0;
  if (wait > 0) throw new AppError("RATE_LIMITED", `Too many wrong passwords. Try again in ${Math.ceil(wait / 1000)} s.`);
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await opts.limiter?.failed(keys, now);
    throw new AppError("WRONG_PASSWORD");
  }
  await opts.limiter?.succeeded(keys);
  const passwordHash = await hashPassword(newPassword);
  // Only if nobody changed it meanwhile: the check above was against this hash.
  const updated = await opts.db.user.updateMany({
    where: { id: opts.userId, passwordHash: user.passwordHash },
    data: { passwordHash, sessionEpoch: { increment: 1 } },
  });
  if (updated.count === 0) throw new AppError("CONFLICT", "Your password was changed meanwhile. Sign in again.");
  const { sessionEpoch } = await opts.db.user.findUniqueOrThrow({ where: { id: opts.userId }, select: { sessionEpoch: true } });
  forgetDemoInstanceCheck();
  opts.live.accessChanged({ userId: opts.userId });
  return { sessionEpoch };
}
