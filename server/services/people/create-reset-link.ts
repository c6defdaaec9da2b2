import type { Db } from "../../../lib/db.ts";
import { RESET_LINK_TTL_MS } from "../../../lib/domain/password-reset.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { hashInviteToken, newInviteToken } from "../invites/invite-token.ts";
import { isAdministrator } from "./instance-access.ts";

/**
 * A one-time link that lets `targetUserId` set a new password (the person forgot theirs). Who
 * may make one: an instance administrator, for any account; or, with `workshopId`, a chair of
 * that workshop (people.manage) for one of its members — never for an administrator, whose
 * account is worth more than the workshop. Only the token's hash is stored; it expires after a
 * day and works once. Workshop-scoped links are in that workshop's audit log.
 */
export async function createResetLink(opts: {
  db: Db;
  userId: string | null;
  targetUserId: string;
  workshopId?: string | null;
  now: Date;
}): Promise<{ token: string; expiresAt: Date }> {
  const { db, userId, targetUserId, now } = opts;
  const workshopId = opts.workshopId ?? null;
  if (!userId) throw new AppError("UNAUTHENTICATED");
  const isAdmin = await isAdministrator(db, userId);
  if (!isAdmin) {
    if (!workshopId) throw new AppError("FORBIDDEN", "Only an administrator of this instance can do this.");
    await authorize({ db, userId, action: "people.manage", workshopId });
  }
  const target = await db.user.findUnique({
    where: { id: targetUserId },
    select: { id: true, isAdmin: true, memberships: workshopId ? { where: { workshopId }, select: { id: true } } : false },
  });
  // A chair sees only the workshop's members: anyone else is "not found", as everywhere.
  const isInWorkshop = workshopId === null || (target?.memberships?.length ?? 0) > 0;
  if (!target || (!isAdmin && !isInWorkshop)) throw new AppError("NOT_FOUND");
  if (!isAdmin && target.isAdmin) throw new AppError("FORBIDDEN", "Only an administrator can reset an administrator's password.");
  // A new password opens every workshop the account is in: a chair may hand one out only when
  // they chair all of those, or one workshop's chair could take over a delegate's seat elsewhere.
  if (!isAdmin && !(await chairsEveryWorkshopOf(db, userId, target.id))) {
    throw new AppError("FORBIDDEN", "This person is also in workshops you do not chair: ask an administrator for their reset link.");
  }

  const token = newInviteToken();
  const expiresAt = new Date(now.getTime() + RESET_LINK_TTL_MS);
  await db.$transaction(async (tx) => {
    const created = await tx.passwordReset.create({
      data: { userId: target.id, tokenHash: hashInviteToken(token), expiresAt, createdById: userId, workshopId: isInWorkshop ? workshopId : null },
    });
    if (workshopId && isInWorkshop) {
      await recordAudit(tx, { workshopId, actorId: userId, action: "password.resetlink", detail: { userId: target.id, resetId: created.id } });
    }
  });
  return { token, expiresAt };
}

async function chairsEveryWorkshopOf(db: Db, chairId: string, targetId: string): Promise<boolean> {
  const theirs = await db.member.findMany({ where: { userId: targetId }, select: { workshopId: true } });
  const chaired = await db.member.count({ where: { userId: chairId, role: "MODERATOR", workshopId: { in: theirs.map((m) => m.workshopId) } } });
  return chaired === new Set(theirs.map((m) => m.workshopId)).size;
}
