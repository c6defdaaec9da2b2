import { mayConfirm, statusAfterConfirmations } from "../../../lib/domain/drafting.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { announce } from "./announce.ts";
import { clauseViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, enforce, type DraftingDeps } from "./load-drafting.ts";

/**
 * "Confirm for my capital": a delegate of a delegation the chair awaits confirms a paragraph
 * agreed ad referendum. Once every awaited capital has confirmed, the paragraph is Agreed.
 */
export async function confirmClause(opts: DraftingDeps & { clauseKey: string }) {
  const { db, proposalId, clauseKey } = opts;
  const now = opts.now ?? new Date();
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "clause.confirm", proposalId });
  const actor = actorOf(membership);
  const agreed = await db.$transaction(async (tx) => {
    await assertStateStill(tx, proposalId, ACCESS_TABLE["clause.confirm"].states);
    const row = await tx.clauseState.findUnique({
      where: { proposalId_clauseKey: { proposalId, clauseKey } },
      select: { id: true, status: true, capitals: { select: { delegationId: true, confirmedAt: true } } },
    });
    const awaiting = (row?.capitals ?? []).map((c) => ({ delegationId: c.delegationId, confirmed: c.confirmedAt !== null }));
    enforce(mayConfirm(actor, row?.status ?? "OPEN", awaiting));
    const delegationId = actor.delegationId!;
    await tx.clauseCapital.update({ where: { clauseStateId_delegationId: { clauseStateId: row!.id, delegationId } }, data: { confirmedAt: now, confirmedById: actor.userId } });
    const after = awaiting.map((a) => (a.delegationId === delegationId ? { ...a, confirmed: true } : a));
    const status = statusAfterConfirmations(after);
    if (status !== row!.status) await tx.clauseState.update({ where: { id: row!.id }, data: { status } });
    await recordAudit(tx, { workshopId: proposal!.workshopId, proposalId, actorId: actor.userId, action: "clause.confirm", detail: { clauseKey, delegationId, agreed: status === "AGREED" } });
    return status === "AGREED";
  });
  const views = await clauseViews(db, proposalId, [clauseKey]);
  // Ad referendum and Agreed protect the text alike: which paragraphs are protected is unchanged.
  await announce(opts, proposal!.workshopId, { clauses: views }, { recount: agreed });
  return { clause: views[0]! };
}
