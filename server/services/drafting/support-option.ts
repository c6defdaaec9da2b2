import type { Tx } from "../../../lib/db.ts";
import { maySupportOption } from "../../../lib/domain/drafting.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { announce } from "./announce.ts";
import { bracketViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, enforce, factsOf, loadBracket, type DraftingDeps } from "./load-drafting.ts";

/** A delegation supports one option of a bracket at a time: supporting one moves its support there. */
export async function moveSupport(tx: Tx, s: { bracketId: string; optionId: string; delegationId: string; userId: string }): Promise<void> {
  await tx.optionSupport.deleteMany({ where: { delegationId: s.delegationId, optionId: { not: s.optionId }, option: { bracketId: s.bracketId } } });
  await tx.optionSupport.upsert({
    where: { optionId_delegationId: { optionId: s.optionId, delegationId: s.delegationId } },
    create: { optionId: s.optionId, delegationId: s.delegationId, userId: s.userId },
    update: {},
  });
}

/** A delegate supports an option of an open bracket for their delegation (moving its support), or stops supporting it. */
export async function supportOption(opts: DraftingDeps & { bracketId: string; optionId: string; support: boolean }) {
  const { db, proposalId, bracketId, optionId, support } = opts;
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "bracket.option", proposalId });
  const actor = actorOf(membership);
  await db.$transaction(async (tx) => {
    const state = await assertStateStill(tx, proposalId, ["DRAFTING"]);
    const row = await loadBracket(tx, proposalId, bracketId);
    enforce(maySupportOption(actor, factsOf(row), state));
    // Only an option of this bracket: another bracket's option id is as unknown as a made-up one.
    const option = await tx.bracketOption.findFirst({ where: { id: optionId, bracketId }, select: { id: true } });
    if (!option) throw new AppError("NOT_FOUND");
    const delegationId = actor.delegationId!;
    if (support) await moveSupport(tx, { bracketId, optionId, delegationId, userId: actor.userId });
    else await tx.optionSupport.deleteMany({ where: { optionId, delegationId } });
    await recordAudit(tx, { workshopId: proposal!.workshopId, proposalId, actorId: actor.userId, action: "bracket.support", detail: { bracketId, optionId, delegationId, support } });
  });
  const views = await bracketViews(db, proposalId, [bracketId]);
  await announce(opts, proposal!.workshopId, { brackets: views });
  return { bracket: views[0]! };
}
