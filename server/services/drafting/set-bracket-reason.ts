import { MAX_REASON_CHARS, storedReason } from "../../../lib/domain/amendments.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { bracketViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, loadBracket, type DraftingDeps } from "./load-drafting.ts";

/**
 * The delegation that placed an open bracket sets or changes its reason (empty: none). Its
 * wording is that delegation's, so joining holders do not change it. Not in the audit log (like
 * an amendment's reason): it changes no text and no standing.
 */
export async function setBracketReason(opts: Omit<DraftingDeps, "rooms"> & { bracketId: string; reason: string }) {
  const { db, proposalId, bracketId } = opts;
  if (opts.reason.length > MAX_REASON_CHARS) throw new AppError("INVALID_INPUT", `reason: must be at most ${MAX_REASON_CHARS} characters`);
  const { membership } = await authorize({ db, userId: opts.userId, action: "bracket.place", proposalId });
  const actor = actorOf(membership);
  const reason = storedReason(opts.reason) ?? null;
  const changed = await db.$transaction(async (tx) => {
    await assertStateStill(tx, proposalId, ["DRAFTING"]);
    const row = await loadBracket(tx, proposalId, bracketId);
    if (actor.delegationId === null || row.delegationId !== actor.delegationId) throw new AppError("NOT_YOURS", "Only the delegation that placed this bracket can give its reason.");
    if (row.status !== "OPEN") throw new AppError("BRACKET_CLOSED");
    if (row.reason === reason) return false;
    await tx.bracket.update({ where: { id: row.id }, data: { reason } });
    return true;
  });
  const views = await bracketViews(db, proposalId, [bracketId]);
  if (changed) opts.live.draftingChanged(proposalId, { brackets: views });
  return { bracket: views[0]! };
}
