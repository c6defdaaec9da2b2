import type { Db } from "../../../lib/db.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { mayDecide } from "../../../lib/domain/amendments.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { amendmentViews } from "./amendment-views.ts";
import { actorOf, assertStateStill, enforce, loadAmendment } from "./load-amendment.ts";

/** The chair rejects an open amendment: the text is unchanged, the amendment stays on record as REJECTED. */
export async function rejectAmendment(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; amendmentId: string; now: Date }) {
  const { db, proposalId, amendmentId } = opts;
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "amendment.reject", proposalId });
  const actor = actorOf(membership);
  await db.$transaction(async (tx) => {
    const state = await assertStateStill(tx, proposalId, ACCESS_TABLE["amendment.reject"].states);
    const row = await loadAmendment(tx, proposalId, amendmentId);
    enforce(mayDecide(actor, row, "REJECT", state));
    const { count } = await tx.amendment.updateMany({ where: { id: row.id, status: "OPEN" }, data: { status: "REJECTED", decidedById: actor.userId, decidedAt: opts.now } });
    if (count === 0) throw new AppError("NOT_OPEN");
    await recordAudit(tx, { workshopId: proposal!.workshopId, proposalId, actorId: actor.userId, action: "amendment.reject", detail: { amendmentId, delegationId: row.delegationId } });
  });
  const views = await amendmentViews(db, proposalId, [amendmentId]);
  opts.live.amendmentsChanged(proposalId, views);
  return { amendment: views[0] ?? null };
}
