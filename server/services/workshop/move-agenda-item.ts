import type { Db } from "../../../lib/db.ts";
import { moveItem } from "../../../lib/domain/agenda.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";

export async function moveAgendaItem(opts: { db: Db; live: LiveNotifier; userId: string | null; workshopId: string; proposalId: string; direction: "up" | "down" }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "workshop.manage", workshopId: opts.workshopId });
  await opts.db.$transaction(async (tx) => {
    const items = await tx.proposal.findMany({ where: { workshopId: opts.workshopId }, orderBy: { position: "asc" }, select: { id: true } });
    const index = items.findIndex((p) => p.id === opts.proposalId);
    if (index < 0) throw new AppError("NOT_FOUND");
    const reordered = moveItem(items, index, opts.direction);
    for (const [position, p] of reordered.entries()) {
      await tx.proposal.update({ where: { id: p.id }, data: { position } });
    }
    await recordAudit(tx, {
      workshopId: opts.workshopId,
      proposalId: opts.proposalId,
      actorId: opts.userId,
      action: "agenda.move",
      detail: { direction: opts.direction },
    });
  });
  opts.live.workshopChanged(opts.workshopId);
}
