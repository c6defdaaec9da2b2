import { liftedByWithdrawal, mayHold } from "../../../lib/domain/drafting.ts";
import { AppError } from "../../../lib/errors.ts";
import { isUniqueViolation } from "../../../lib/storage-errors.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { announce } from "./announce.ts";
import { bracketViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, enforce, factsOf, loadBracket, type DraftingDeps } from "./load-drafting.ts";

/**
 * "Join bracket" (hold) or "Withdraw bracket" (not hold) for the caller's delegation. When the
 * last holder withdraws, nobody wants the passage bracketed any more: the bracket is WITHDRAWN.
 */
export async function holdBracket(opts: DraftingDeps & { bracketId: string; hold: boolean }) {
  const { db, proposalId, bracketId, hold } = opts;
  const now = opts.now ?? new Date();
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "bracket.hold", proposalId });
  const actor = actorOf(membership);
  const run = () =>
    db.$transaction(async (tx) => {
      const state = await assertStateStill(tx, proposalId, ACCESS_TABLE["bracket.hold"].states);
      const row = await loadBracket(tx, proposalId, bracketId);
      enforce(mayHold(actor, factsOf(row), state, hold));
      // mayHold refuses delegates without a delegation.
      const delegationId = actor.delegationId!;
      const audit = { workshopId: proposal!.workshopId, proposalId, actorId: actor.userId };
      if (hold) {
        await tx.bracketHolder.create({ data: { bracketId, delegationId, userId: actor.userId } });
        await recordAudit(tx, { ...audit, action: "bracket.join", detail: { bracketId, delegationId } });
        return;
      }
      await tx.bracketHolder.deleteMany({ where: { bracketId, delegationId } });
      const left = row.holders.map((h) => h.delegationId).filter((d) => d !== delegationId);
      const lifted = liftedByWithdrawal(left);
      if (lifted) await tx.bracket.update({ where: { id: bracketId }, data: { status: "WITHDRAWN", resolvedById: actor.userId, resolvedAt: now } });
      await recordAudit(tx, { ...audit, action: "bracket.withdraw", detail: { bracketId, delegationId, lifted } });
    });
  try {
    await run();
  } catch (e) {
    // A colleague joined for the delegation at the same moment: the delegation holds it either way.
    if (!isUniqueViolation(e)) throw e;
    throw new AppError("FORBIDDEN", "Your delegation already holds this bracket.");
  }
  const views = await bracketViews(db, proposalId, [bracketId]);
  await announce(opts, proposal!.workshopId, { brackets: views }, { recount: true });
  return { bracket: views[0]! };
}
