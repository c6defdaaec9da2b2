import type { Db } from "../../../lib/db.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { MAX_REASON_CHARS, mayRevise, storedReason } from "../../../lib/domain/amendments.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { amendmentViews } from "./amendment-views.ts";
import { actorOf, assertStateStill, enforce, loadAmendment } from "./load-amendment.ts";

/** The author sets or changes the reason of their own open amendment (empty: no reason). */
export async function setAmendmentReason(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; amendmentId: string; reason: string }) {
  const { db, proposalId, amendmentId } = opts;
  if (opts.reason.length > MAX_REASON_CHARS) throw new AppError("INVALID_INPUT", `reason: must be at most ${MAX_REASON_CHARS} characters`);
  const { membership } = await authorize({ db, userId: opts.userId, action: "amendment.propose", proposalId });
  const actor = actorOf(membership);
  const reason = storedReason(opts.reason) ?? null;
  const changed = await db.$transaction(async (tx) => {
    const state = await assertStateStill(tx, proposalId, ACCESS_TABLE["amendment.propose"].states);
    const row = await loadAmendment(tx, proposalId, amendmentId);
    enforce(mayRevise(actor, row, state));
    if (row.reason === reason) return false;
    await tx.amendment.update({ where: { id: row.id }, data: { reason } });
    return true;
  });
  const views = await amendmentViews(db, proposalId, [amendmentId]);
  if (changed) opts.live.amendmentsChanged(proposalId, views);
  return { amendment: views[0] ?? null };
}
