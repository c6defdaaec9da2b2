import type { Db } from "../../../lib/db.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { mayTakeStance } from "../../../lib/domain/amendments.ts";
import type { Stance } from "../../../lib/domain/vocabulary.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { amendmentViews } from "./amendment-views.ts";
import { actorOf, assertStateStill, enforce, loadAmendment } from "./load-amendment.ts";

/**
 * A delegate supports or objects to another delegation's open amendment for their delegation
 * (one stance per delegation: a colleague's later one replaces it), or takes it back (null).
 */
export async function takeStance(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; amendmentId: string; stance: Stance | null; now?: Date }) {
  const { db, proposalId, amendmentId, stance } = opts;
  const { membership } = await authorize({ db, userId: opts.userId, action: "amendment.stance", proposalId });
  const actor = actorOf(membership);
  await db.$transaction(async (tx) => {
    const state = await assertStateStill(tx, proposalId, ACCESS_TABLE["amendment.stance"].states);
    const row = await loadAmendment(tx, proposalId, amendmentId);
    enforce(mayTakeStance(actor, row, state));
    // mayTakeStance refuses delegates without a delegation.
    const delegationId = actor.delegationId!;
    const key = { amendmentId_delegationId: { amendmentId, delegationId } };
    if (stance === null) await tx.amendmentStance.deleteMany({ where: { amendmentId, delegationId } });
    else await tx.amendmentStance.upsert({ where: key, create: { amendmentId, delegationId, stance, userId: actor.userId }, update: { stance, userId: actor.userId } });
  });
  const views = await amendmentViews(db, proposalId, [amendmentId]);
  opts.live.amendmentsChanged(proposalId, views);
  return { amendment: views[0] ?? null };
}
