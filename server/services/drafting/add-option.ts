import { hasLineBreak } from "../../../lib/document/anchors.ts";
import { MAX_OPTION_CHARS, mayAddOption } from "../../../lib/domain/drafting.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { announce } from "./announce.ts";
import { bracketViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, enforce, factsOf, loadBracket, paragraphStatus, type DraftingDeps } from "./load-drafting.ts";
import { moveSupport } from "./support-option.ts";

/**
 * A delegate proposes an alternative wording for a bracketed passage. Their delegation supports
 * it from the start (a delegation supports one option per bracket, so this moves its support).
 */
export async function addOption(opts: DraftingDeps & { bracketId: string; text: string }) {
  const { db, proposalId, bracketId } = opts;
  const text = opts.text.trim();
  // The socket's schema says the same; a use case does not rely on its caller for bounds.
  if (text === "") throw new AppError("INVALID_INPUT", "text: must not be empty");
  if (text.length > MAX_OPTION_CHARS) throw new AppError("INVALID_INPUT", `text: must be at most ${MAX_OPTION_CHARS} characters`);
  if (hasLineBreak(text)) throw new AppError("INVALID_INPUT", "text: must stay within one paragraph (no line breaks)");
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "bracket.option", proposalId });
  const actor = actorOf(membership);
  await db.$transaction(async (tx) => {
    const state = await assertStateStill(tx, proposalId, ["DRAFTING"]);
    const row = await loadBracket(tx, proposalId, bracketId);
    enforce(mayAddOption(actor, factsOf(row), state, await paragraphStatus(tx, proposalId, row.clauseKey)));
    const option = await tx.bracketOption.create({ data: { bracketId, text, authorId: actor.userId, delegationId: actor.delegationId }, select: { id: true } });
    await moveSupport(tx, { bracketId, optionId: option.id, delegationId: actor.delegationId!, userId: actor.userId });
    await recordAudit(tx, {
      workshopId: proposal!.workshopId,
      proposalId,
      actorId: actor.userId,
      action: "bracket.option",
      detail: { bracketId, optionId: option.id, delegationId: actor.delegationId, text },
    });
  });
  const views = await bracketViews(db, proposalId, [bracketId]);
  await announce(opts, proposal!.workshopId, { brackets: views });
  return { bracket: views[0]! };
}
