import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";

export async function revokeInvite(opts: { db: Db; userId: string | null; workshopId: string; inviteId: string; now: Date }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "workshop.manage", workshopId: opts.workshopId });
  const { count } = await opts.db.invite.updateMany({
    where: { id: opts.inviteId, workshopId: opts.workshopId, revokedAt: null },
    data: { revokedAt: opts.now },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit(opts.db, { workshopId: opts.workshopId, actorId: opts.userId, action: "invite.revoke", detail: { inviteId: opts.inviteId } });
}
