import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveNotifier } from "../live-notifier.ts";

/**
 * A chair archives the workshop: from then on it is read-only for everyone (the access table
 * refuses every action that is not a read with ARCHIVED): texts, history, votes and exports
 * stay readable; nothing is edited, voted on or joined any more. Cannot be undone here.
 *
 * Refused while a vote is open: a round nobody could close or vote in would hang in the record.
 * The speaking queue is emptied (nobody may speak in an archived workshop).
 */
export async function archiveWorkshop(opts: { db: Db; live: LiveNotifier; userId: string | null; workshopId: string; now: Date }): Promise<void> {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "workshop.edit", workshopId: opts.workshopId });
  await opts.db.$transaction(async (tx) => {
    const open = await tx.voteRound.findFirst({ where: { status: "OPEN", proposal: { workshopId: opts.workshopId } }, select: { proposal: { select: { title: true } } } });
    if (open) throw new AppError("CONFLICT", `A vote is open on “${open.proposal.title}”: close or cancel it before archiving the workshop.`);
    // Conditional: of two chairs archiving at once, one archives and the other is told.
    const { count } = await tx.workshop.updateMany({ where: { id: opts.workshopId, archivedAt: null }, data: { archivedAt: opts.now } });
    if (count === 0) throw new AppError("ARCHIVED");
    await tx.floorRequest.updateMany({ where: { workshopId: opts.workshopId, status: "WAITING" }, data: { status: "WITHDRAWN", endedAt: opts.now } });
    await tx.floorRequest.updateMany({ where: { workshopId: opts.workshopId, status: "SPEAKING" }, data: { status: "DONE", endedAt: opts.now } });
    await recordAudit(tx, { workshopId: opts.workshopId, actorId: membership.userId, action: "workshop.archive", detail: {} });
  });
  // Open rooms turn read-only at once; every open page refreshes from the board.
  opts.live.workshopArchived(opts.workshopId);
  opts.live.workshopChanged(opts.workshopId);
}
