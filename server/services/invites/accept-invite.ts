import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { hashPassword } from "../../../lib/auth/password.ts";
import { inviteStatus } from "../../../lib/domain/invite.ts";
import { AppError, type ErrorCode } from "../../../lib/errors.ts";
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

type Account = { userId: string } | { newAccount: z.input<typeof NewAccountInput> };

/**
 * Uses one seat of an invite: for a signed-in user, or for a new account created with it.
 * The seat is claimed with a conditional update inside the transaction, so two people racing
 * for the last use cannot both get in.
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

  const passwordHash = newAccount ? await hashPassword(newAccount.password) : null;
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
    if (newAccount && passwordHash) {
      const email = normalizeEmail(newAccount.email);
      if (await tx.user.findUnique({ where: { email } })) throw new AppError("EMAIL_TAKEN");
      userId = (await tx.user.create({ data: { email, name: newAccount.name, passwordHash } })).id;
    } else {
      userId = (opts as { userId: string }).userId;
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
