// A chair deletes a delegation made by mistake (or one that did not come). Only an unused one:
// see delegationDeletable for why. Pending invites to it go with it.
import type { Db } from "../../../lib/db.ts";
import { delegationDeletable } from "../../../lib/domain/people.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveNotifier } from "../live-notifier.ts";

export async function deleteDelegation(opts: { db: Db; live: LiveNotifier; userId: string | null; workshopId: string; delegationId: string }): Promise<void> {
  const { db, workshopId, delegationId } = opts;
  const { membership } = await authorize({ db, userId: opts.userId, action: "workshop.manage", workshopId });
  await db.$transaction(async (tx) => {
    const d = await tx.delegation.findFirst({
      where: { id: delegationId, workshopId },
      include: { _count: { select: { members: true, ballots: true } } },
    });
    if (!d) throw new AppError("NOT_FOUND", "This delegation is not in the workshop (any more).");
    const verdict = delegationDeletable(d._count);
    if (!verdict.ok) throw new AppError("DELEGATION_IN_USE", verdict.reason);
    await tx.delegation.delete({ where: { id: d.id } });
    await recordAudit(tx, { workshopId, actorId: membership.userId, action: "delegation.delete", detail: { delegationId: d.id, code: d.code, name: d.name } });
  });
  opts.live.workshopChanged(workshopId);
}
