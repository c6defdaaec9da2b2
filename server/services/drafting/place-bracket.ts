import { asBytes } from "../../../lib/bytes.ts";
import { MAX_AMENDMENT_TEXT_CHARS, MAX_REASON_CHARS, competes, storedReason } from "../../../lib/domain/amendments.ts";
import { mayPlaceBracket } from "../../../lib/domain/drafting.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { announce } from "./announce.ts";
import { bracketViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, enforce, paragraphStatus, type DraftingDeps } from "./load-drafting.ts";

export type PlaceBracketInput = { from: Uint8Array; to: Uint8Array; reason?: string };

/**
 * A delegate puts a passage of one paragraph in square brackets for their delegation, which
 * becomes its first holder. The server resolves the anchors in its own replica and stores the
 * passage as it reads there. Refused on an agreed paragraph, on an empty passage, and where the
 * passage overlaps a bracket already open in the same block (join that one, or add an option).
 */
export async function placeBracket(opts: DraftingDeps & { input: PlaceBracketInput }) {
  const { db, rooms, proposalId, input } = opts;
  if (input.reason !== undefined && input.reason.length > MAX_REASON_CHARS) throw new AppError("INVALID_INPUT", `reason: must be at most ${MAX_REASON_CHARS} characters`);
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "bracket.place", proposalId });
  const actor = actorOf(membership);
  // Who and when first: nobody else's brackets are resolved for a caller who may not place one.
  enforce(mayPlaceBracket(actor, proposal!.state, "OPEN", 0));

  const [span] = await rooms.readSpans(proposalId, [{ from: input.from, to: input.to }]);
  // Not a passage of this text: another proposal's anchors, a deleted paragraph, garbage.
  if (!span || !span.clauseKey) throw new AppError("ANCHOR_NOT_FOUND");
  if (span.passage.trim() === "") throw new AppError("INVALID_INPUT", "Select the words to put in brackets: an empty passage cannot be bracketed.");
  if (span.passage.length > MAX_AMENDMENT_TEXT_CHARS) throw new AppError("INVALID_INPUT", `A bracket holds at most ${MAX_AMENDMENT_TEXT_CHARS} characters; select a shorter passage.`);
  const clauseKey = span.clauseKey;
  enforce(mayPlaceBracket(actor, proposal!.state, await paragraphStatus(db, proposalId, clauseKey), 0));

  // Where the paragraph's open brackets are now (they follow edits): one turn of the room for all.
  const open = await db.bracket.findMany({ where: { proposalId, clauseKey, status: "OPEN" }, select: { anchorFrom: true, anchorTo: true } });
  const spans = await rooms.readSpans(
    proposalId,
    open.map((b) => ({ from: asBytes(b.anchorFrom), to: asBytes(b.anchorTo) })),
  );
  if (spans.some((s) => s !== null && competes(span, s))) throw new AppError("BRACKET_OVERLAPS");

  const reason = storedReason(input.reason) ?? null;
  const id = await db.$transaction(async (tx) => {
    // Read again in the transaction: a lock, an agreement or the limit may have come meanwhile.
    const state = await assertStateStill(tx, proposalId, ["DRAFTING"]);
    const [status, count] = await Promise.all([paragraphStatus(tx, proposalId, clauseKey), tx.bracket.count({ where: { proposalId, status: "OPEN" } })]);
    enforce(mayPlaceBracket(actor, state, status, count));
    const created = await tx.bracket.create({
      data: {
        proposalId,
        clauseKey,
        anchorFrom: asBytes(input.from),
        anchorTo: asBytes(input.to),
        passage: span.passage,
        reason,
        placedById: actor.userId,
        delegationId: actor.delegationId,
        holders: { create: { delegationId: actor.delegationId!, userId: actor.userId } },
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      workshopId: proposal!.workshopId,
      proposalId,
      actorId: actor.userId,
      action: "bracket.place",
      detail: { bracketId: created.id, delegationId: actor.delegationId, clauseKey, passage: span.passage },
    });
    return created.id;
  });
  const views = await bracketViews(db, proposalId, [id]);
  await announce(opts, proposal!.workshopId, { brackets: views }, { recount: true });
  return { bracket: views[0]! };
}
