// A chair removes someone from the workshop. Only their seat goes: their account stays, and
// what they wrote, the versions, ballots and the audit log keep their name. Their open tabs
// lose access at once (LiveNotifier.accessChanged).
import type { Db } from "../../../lib/db.ts";
import { losesLastChair } from "../../../lib/domain/people.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { assertAChairRemains } from "./chairs.ts";

export async function removeMember(opts: { db: Db; live: LiveNotifier; userId: string | null; workshopId: string; memberUserId: string; now: Date }): Promise<void> {
  const { db, workshopId, memberUserId } = opts;
  const { membership } = await authorize({ db, userId: opts.userId, action: "people.manage", workshopId });
  await db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { workshopId_userId: { workshopId, userId: memberUserId } }, include: { user: { select: { name: true } } } });
    if (!member) throw new AppError("NOT_FOUND", "This person is not a member of the workshop (any more).");
    const chairs = await tx.member.count({ where: { workshopId, role: "MODERATOR" } });
    if (losesLastChair(member.role, null, chairs)) throw new AppError("LAST_CHAIR");
    await tx.member.delete({ where: { id: member.id } });
    if (member.role === "MODERATOR") await assertAChairRemains(tx, workshopId);
    // Someone who left cannot be given the floor: their place in the queue goes with them.
    await tx.floorRequest.updateMany({ where: { workshopId, userId: memberUserId, status: "WAITING" }, data: { status: "WITHDRAWN", endedAt: opts.now } });
    await tx.floorRequest.updateMany({ where: { workshopId, userId: memberUserId, status: "SPEAKING" }, data: { status: "DONE", endedAt: opts.now } });
    await recordAudit(tx, {
      workshopId,
      actorId: membership.userId,
      action: "member.remove",
      detail: { userId: memberUserId, name: member.user.name, role: member.role, delegationId: member.delegationId },
    });
  });
  opts.live.accessChanged({ userId: memberUserId, workshopId });
  opts.live.workshopChanged(workshopId);
}
