import type { Db } from "../../../lib/db.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { mayWithdraw } from "../../../lib/domain/amendments.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { amendmentViews } from "./amendment-views.ts";
import { actorOf, assertStateStill, enforce, loadAmendment } from "./load-amendment.ts";

/** The proposing delegation (any of its delegates), or the chair for the chair's own, withdraws an open amendment. */
export async function withdrawAmendment(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; amendmentId: string; now: Date }) {
  const { db, proposalId, amendmentId } = opts;
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "amendment.withdraw", proposalId });
  const actor = actorOf(membership);
  await db.$transaction(async (tx) => {
    const state = await assertStateStill(tx, proposalId, ACCESS_TABLE["amendment.withdraw"].states);
    const row = await loadAmendment(tx, proposalId, amendmentId);
    enforce(mayWithdraw(actor, row, state));
    // Conditional on still being open: a decision that committed first wins.
    const { count } = await tx.amendment.updateMany({ where: { id: row.id, status: "OPEN" }, data: { status: "WITHDRAWN", decidedById: actor.userId, decidedAt: opts.now } });
    if (count === 0) throw new AppError("NOT_OPEN");
    await recordAudit(tx, { workshopId: proposal!.workshopId, proposalId, actorId: actor.userId, action: "amendment.withdraw", detail: { amendmentId, delegationId: row.delegationId } });
  });
  const views = await amendmentViews(db, proposalId, [amendmentId]);
  opts.live.amendmentsChanged(proposalId, views);
  return { amendment: views[0] ?? null };
}
