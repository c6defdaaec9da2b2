import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { hashPassword, verifyPassword } from "../../../lib/auth/password.ts";
import { inviteStatus } from "../../../lib/domain/invite.ts";
import { ACCOUNT_RULE } from "../../../lib/domain/login-delay.ts";
import { AppError, type ErrorCode } from "../../../lib/errors.ts";
import { isUniqueViolation } from "../../../lib/storage-errors.ts";
import type { LoginLimiter } from "../../auth/login-limiter.ts";
import { hashInviteToken } from "./invite-token.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { normalizeEmail } from "../people/verify-credentials.ts";

export const NewAccountInput = z.object({
  name: z.string().trim().min(2, "Enter your name.").max(80),
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.")),
  password: z.string().min(10, "Use at least 10 characters.").max(200),
});

const STATUS_ERROR: Record<"REVOKED" | "EXPIRED" | "USED_UP", ErrorCode> = {
  REVOKED: "INVITE_REVOKED",
  EXPIRED: "INVITE_EXPIRED",
  USED_UP: "INVITE_USED_UP",
};

/** An archived workshop is read-only: it takes no new members, whatever its links say. */
const ARCHIVED_MESSAGE = "This workshop has been archived: it no longer takes new members.";

/**
 * The join form's account: `limiter` limits wrong passwords for an email that has an account,
 * as failed sign-ins are limited (the form must not be a way round the sign-in's limits).
 */
type Account = { userId: string } | { newAccount: z.input<typeof NewAccountInput>; limiter?: LoginLimiter };

/**
 * Uses one seat of an invite: for a signed-in user, or for the join form's account.
 * The seat is claimed with a conditional update inside the transaction, so two people racing
 * for the last use cannot both get in.
 *
 * The join form never says whether an email has an account (it is shown to anyone holding the
 * link). A new email gets a new account. An email that has one joins that account when the
 * form's password is the account's — its owner joins as if signed in — and otherwise gets
 * JOIN_REFUSED, the same code and words for every wrong password, also while a delay after
 * wrong passwords lasts (RATE_LIMITED would say that the account exists), and for an account
 * created by someone else while this one was being made. Nothing is written on a refusal.
 */
export async function acceptInvite(opts: { db: Db; token: string; now: Date } & Account): Promise<{ workshopId: string; userId: string }> {
  const { db, now } = opts;
  let newAccount: z.output<typeof NewAccountInput> | null = null;
  if ("newAccount" in opts) {
    const parsed = NewAccountInput.safeParse(opts.newAccount);
    if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
    newAccount = parsed.data;
  }
  const invite = await db.invite.findUnique({ where: { tokenHash: hashInviteToken(opts.token) }, include: { workshop: { select: { archivedAt: true } } } });
  if (!invite) throw new AppError("INVITE_UNKNOWN");
  const status = inviteStatus(invite, now);
  if (status !== "VALID") throw new AppError(STATUS_ERROR[status]);
  if (invite.workshop.archivedAt) throw new AppError("ARCHIVED", ARCHIVED_MESSAGE);

  // Who joins: the signed-in user, the join form's existing account (its password checked), or
  // a new account. Checking a password and hashing a new one cost the same (scrypt).
  let joiner: { userId: string } | { create: { email: string; name: string; passwordHash: string } };
  if (newAccount) {
    const email = normalizeEmail(newAccount.email);
    const existing = await db.user.findUnique({ where: { email }, select: { id: true, passwordHash: true } });
    joiner = existing
      ? { userId: await existingAccount({ ...existing, email, password: newAccount.password, limiter: (opts as { limiter?: LoginLimiter }).limiter, now: now.getTime() }) }
      : { create: { email, name: newAccount.name, passwordHash: await hashPassword(newAccount.password) } };
  } else {
    joiner = { userId: (opts as { userId: string }).userId };
  }

  return db.$transaction(async (tx) => {
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, revokedAt: null, expiresAt: { gt: now }, uses: { lt: invite.maxUses } },
      data: { uses: { increment: 1 } },
    });
    if (claimed.count === 0) throw new AppError("INVITE_USED_UP");
    // Archived between the check above and this transaction: the seat is not taken (rolled back).
    const workshop = await tx.workshop.findUniqueOrThrow({ where: { id: invite.workshopId }, select: { archivedAt: true } });
    if (workshop.archivedAt) throw new AppError("ARCHIVED", ARCHIVED_MESSAGE);

    let userId: string;
    if ("create" in joiner) {
      // Someone made an account with this email meanwhile: refused like a wrong password.
      if (await tx.user.findUnique({ where: { email: joiner.create.email } })) throw new AppError("JOIN_REFUSED");
      try {
        userId = (await tx.user.create({ data: joiner.create })).id;
      } catch (e) {
        if (isUniqueViolation(e)) throw new AppError("JOIN_REFUSED");
        throw e;
      }
    } else {
      userId = joiner.userId;
      const existing = await tx.member.findUnique({ where: { workshopId_userId: { workshopId: invite.workshopId, userId } } });
      if (existing) throw new AppError("ALREADY_MEMBER");
    }
    await tx.member.create({
      data: { workshopId: invite.workshopId, userId, role: invite.role, delegationId: invite.delegationId },
    });
    await recordAudit(tx, {
      workshopId: invite.workshopId,
      actorId: userId,
      action: "invite.accept",
      detail: { inviteId: invite.id, role: invite.role, delegationId: invite.delegationId },
    });
    return { workshopId: invite.workshopId, userId };
  });
}

/**
 * The existing account's id when `password` is its password; JOIN_REFUSED otherwise, whatever
 * the reason — also while an earlier wrong password's delay lasts (growing delays, as for an
 * account's failed sign-ins: lib/domain/login-delay.ts).
 */
async function existingAccount(opts: { id: string; passwordHash: string; email: string; password: string; limiter?: LoginLimiter; now: number }): Promise<string> {
  const keys = [{ key: `invite-join:${opts.email}`, rule: ACCOUNT_RULE }];
  const wait = opts.limiter ? await opts.limiter.wait(keys, opts.now) : 0;
  if (wait > 0) throw new AppError("JOIN_REFUSED");
  if (!(await verifyPassword(opts.password, opts.passwordHash))) {
    await opts.limiter?.failed(keys, opts.now);
    throw new AppError("JOIN_REFUSED");
  }
  await opts.limiter?.succeeded(keys);
  return opts.id;
}
