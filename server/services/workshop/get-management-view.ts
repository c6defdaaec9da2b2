import type { Db } from "../../../lib/db.ts";
import { inviteStatus } from "../../../lib/domain/invite.ts";
import { authorize } from "../authorize.ts";

export async function getManagementView(opts: { db: Db; userId: string | null; workshopId: string; now: Date }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "workshop.manage", workshopId: opts.workshopId });
  const invites = await opts.db.invite.findMany({
    where: { workshopId: opts.workshopId },
    include: { delegation: { select: { name: true, colour: true } } },
    orderBy: { createdAt: "desc" },
    take: 50,
  });
  return invites.map((i) => ({
    id: i.id,
    role: i.role,
    delegation: i.delegation,
    uses: i.uses,
    maxUses: i.maxUses,
    expiresAt: i.expiresAt,
    status: inviteStatus(i, opts.now),
  }));
}
