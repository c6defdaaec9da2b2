import type { Db } from "../../../lib/db.ts";
import { hashPassword } from "../../../lib/auth/password.ts";
import { resetLinkStatus } from "../../../lib/domain/password-reset.ts";
import { AppError, type ErrorCode } from "../../../lib/errors.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { hashInviteToken } from "../invites/invite-token.ts";
import { NewPassword } from "./account-input.ts";
import { forgetDemoInstanceCheck } from "./is-demo-instance.ts";
import { bumpSessionEpoch } from "./session-epoch.ts";

const STATUS_ERROR: Record<"USED" | "EXPIRED", ErrorCode> = { USED: "RESET_LINK_USED", EXPIRED: "RESET_LINK_EXPIRED" };

/**
 * Sets a new password with a reset link: the link is used up, and every session of the account
 * ends (whoever knew the old password is out, on every open tab). The link is claimed with a
 * conditional update inside the transaction, so two submissions cannot both succeed.
 */
export async function resetPassword(opts: { db: Db; live: LiveNotifier; token: string; newPassword: string; now: Date }): Promise<{ email: string }> {
  const { db, now } = opts;
  const parsed = NewPassword.safeParse(opts.newPassword);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const link = await db.passwordReset.findUnique({ where: { tokenHash: hashInviteToken(opts.token) } });
  if (!link) throw new AppError("RESET_LINK_UNKNOWN");
  const status = resetLinkStatus(link, now);
  if (status !== "VALID") throw new AppError(STATUS_ERROR[status]);

  const passwordHash = await hashPassword(parsed.data);
  const email = await db.$transaction(async (tx) => {
    const claimed = await tx.passwordReset.updateMany({ where: { id: link.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw new AppError("RESET_LINK_USED");
    const user = await tx.user.update({ where: { id: link.userId }, data: { passwordHash }, select: { email: true } });
    await bumpSessionEpoch(tx, link.userId);
    return user.email;
  });
  forgetDemoInstanceCheck();
  opts.live.accessChanged({ userId: link.userId });
  return { email };
}
