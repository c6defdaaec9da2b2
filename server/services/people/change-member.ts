// A chair changes a member's role (chair, delegate, observer) and delegation. Their open tabs
// take the new seat at once (LiveNotifier.accessChanged): a delegate made an observer can no
// longer type, a delegate moved to another delegation writes in its colour.
import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { losesLastChair, seatFor } from "../../../lib/domain/people.ts";
import { ROLES } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { assertAChairRemains } from "./chairs.ts";

export const MemberSeatInput = z.object({
  role: z.enum(ROLES, { error: "Role: choose chair, delegate or observer." }),
  // "" is what a form's "No delegation" option sends.
  delegationId: z
    .string({ error: "Delegation: choose a delegation." })
    .max(64, "Delegation: choose a delegation from the list.")
    .nullable()
    .transform((v) => v || null),
});

/** What changed, or null when the member already sat there (nothing recorded, nobody told). */
export async function changeMember(opts: {
  db: Db;
  live: LiveNotifier;
  userId: string | null;
  workshopId: string;
  memberUserId: string;
  input: z.input<typeof MemberSeatInput>;
}): Promise<{ role: string; delegationId: string | null } | null> {
  const { db, workshopId, memberUserId } = opts;
  const { membership } = await authorize({ db, userId: opts.userId, action: "people.manage", workshopId });
  const parsed = MemberSeatInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const { role } = parsed.data;
  const seat = seatFor(role, parsed.data.delegationId);
  if (!seat.ok) throw new AppError("INVALID_INPUT", seat.reason);

  const changed = await db.$transaction(async (tx) => {
    const member = await tx.member.findUnique({ where: { workshopId_userId: { workshopId, userId: memberUserId } }, include: { user: { select: { name: true } } } });
    if (!member) throw new AppError("NOT_FOUND", "This person is not a member of the workshop (any more).");
    if (seat.delegationId && !(await tx.delegation.findFirst({ where: { id: seat.delegationId, workshopId }, select: { id: true } }))) {
      throw new AppError("INVALID_INPUT", "Delegation: that delegation is not in this workshop.");
    }
    if (member.role === role && member.delegationId === seat.delegationId) return null;
    const chairs = await tx.member.count({ where: { workshopId, role: "MODERATOR" } });
    if (losesLastChair(member.role, role, chairs)) throw new AppError("LAST_CHAIR");
    await tx.member.update({ where: { id: member.id }, data: { role, delegationId: seat.delegationId } });
    // The count above may be stale by the time this commits (another chair changed meanwhile).
    if (member.role === "MODERATOR") await assertAChairRemains(tx, workshopId);
    await recordAudit(tx, {
      workshopId,
      actorId: membership.userId,
      action: "member.change",
      // The name is kept in the entry: the log reads the same after the member is removed.
      detail: { userId: memberUserId, name: member.user.name, from: { role: member.role, delegationId: member.delegationId }, to: { role, delegationId: seat.delegationId } },
    });
    return { role, delegationId: seat.delegationId };
  });
  if (changed) {
    opts.live.accessChanged({ userId: memberUserId, workshopId });
    opts.live.workshopChanged(workshopId);
  }
  return changed;
}
