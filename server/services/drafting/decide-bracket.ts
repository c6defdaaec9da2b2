// The chair resolves an open bracket: agrees on one of its options (or on the bracketed text as
// it stands), or lifts it keeping the text. Only agreeing on an option changes the text.
import * as Y from "yjs";
import type { Tx } from "../../../lib/db.ts";
import { applyReplacement } from "../../../lib/document/anchors.ts";
import { mayDecideBracket, type DraftingVerdict } from "../../../lib/domain/drafting.ts";
import type { Actor } from "../../../lib/domain/amendments.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { cutVersion } from "../history/cut-version.ts";
import type { ServerChange, TextSnapshot } from "../live-documents.ts";
import { announce } from "./announce.ts";
import { bracketViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, delegationSuffix, enforce, factsOf, loadBracket, paragraphStatus, type DraftingDeps } from "./load-drafting.ts";

type Resolution = { status: "AGREED" | "LIFTED"; optionId: string | null };

/** In the writing transaction: the rule asked again on what is stored now, then the bracket closed. */
async function resolve(tx: Tx, d: { actor: Actor; proposalId: string; bracketId: string; now: Date }, how: Resolution): Promise<void> {
  const state = await assertStateStill(tx, d.proposalId, ["DRAFTING"]);
  const row = await loadBracket(tx, d.proposalId, d.bracketId);
  const verdict: DraftingVerdict = mayDecideBracket(d.actor, factsOf(row), state, await paragraphStatus(tx, d.proposalId, row.clauseKey));
  enforce(verdict);
  const { count } = await tx.bracket.updateMany({
    where: { id: d.bracketId, status: "OPEN" },
    data: { status: how.status, agreedOptionId: how.optionId, resolvedById: d.actor.userId, resolvedAt: d.now },
  });
  if (count === 0) throw new AppError("BRACKET_CLOSED");
}

/** "Lift bracket": the text stays as it reads now. */
export async function liftBracket(opts: DraftingDeps & { bracketId: string }) {
  return decide(opts, { status: "LIFTED", optionId: null });
}

/**
 * "Agree on this option". `optionId` null: the bracketed text as it stands is agreed (nothing
 * changes in the text). Otherwise the passage between the bracket's anchors now (brackets follow
 * edits) is replaced by the option's words, as a change credited to the option's author and
 * delegation (history and Compare show whose words they are), with an automatic version of the
 * text after it; all in one transaction, or nothing happens.
 */
export async function agreeOption(opts: DraftingDeps & { bracketId: string; optionId: string | null }) {
  return decide(opts, { status: "AGREED", optionId: opts.optionId });
}

async function decide(opts: DraftingDeps & { bracketId: string }, how: Resolution) {
  const { db, rooms, proposalId, bracketId } = opts;
  const now = opts.now ?? new Date();
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "bracket.decide", proposalId });
  const actor = actorOf(membership);
  const row = await loadBracket(db, proposalId, bracketId);
  enforce(mayDecideBracket(actor, factsOf(row), proposal!.state, await paragraphStatus(db, proposalId, row.clauseKey)));
  const d = { actor, proposalId, bracketId, now };
  const audit = { workshopId: proposal!.workshopId, proposalId, actorId: actor.userId };
  const detail = { bracketId, delegationId: row.delegationId, clauseKey: row.clauseKey, passage: row.passage };

  if (how.optionId === null) {
    await db.$transaction(async (tx) => {
      await resolve(tx, d, how);
      await recordAudit(tx, { ...audit, action: how.status === "LIFTED" ? "bracket.lift" : "bracket.agree", detail: { ...detail, optionId: null } });
    });
  } else {
    const option = await db.bracketOption.findFirst({ where: { id: how.optionId, bracketId }, select: { id: true, text: true, authorId: true, delegationId: true } });
    if (!option) throw new AppError("NOT_FOUND");
    const label = `Option agreed${await delegationSuffix(db, option.delegationId)}`;
    await rooms.applyServerChange(proposalId, {
      author: { userId: option.authorId, delegationId: option.delegationId },
      makeChange: (live) => replaceOnCopy(live, row.anchorFrom, row.anchorTo, option.text),
      persist: async (tx: Tx, after: TextSnapshot) => {
        await resolve(tx, d, how);
        await recordAudit(tx, { ...audit, action: "bracket.agree", detail: { ...detail, optionId: option.id, optionDelegationId: option.delegationId, text: option.text } });
        // The agreed words get a version of their own, so history shows them (and whose they are) at once.
        await cutVersion(tx, { proposalId, workshopId: proposal!.workshopId, frozen: after.frozen, kind: "AUTO", label, authorId: actor.userId, editors: after.editors, now });
      },
    });
  }
  const views = await bracketViews(db, proposalId, [bracketId]);
  await announce(opts, proposal!.workshopId, { brackets: views }, { recount: true });
  return { bracket: views[0]! };
}

/** The replacement made on a copy of the live text, with a Yjs client id of its own. */
function replaceOnCopy(live: Y.Doc, from: Uint8Array, to: Uint8Array, text: string): ServerChange {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(live));
  const before = Y.encodeStateVector(scratch);
  // The bracketed passage's paragraph was deleted meanwhile: nothing to put the words into.
  if (!applyReplacement(scratch, from, to, text)) {
    scratch.destroy();
    throw new AppError("ANCHOR_NOT_FOUND");
  }
  const change = { update: Y.encodeStateAsUpdate(scratch, before), clientId: scratch.clientID };
  scratch.destroy();
  return change;
}
