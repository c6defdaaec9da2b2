import type { Db, Tx } from "../../../lib/db.ts";
import { asBytes, sameBytes } from "../../../lib/bytes.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { MAX_AMENDMENT_TEXT_CHARS, MAX_OPEN_AMENDMENTS, MAX_REASON_CHARS, mayPropose, mayRevise, storedReason, type Actor } from "../../../lib/domain/amendments.ts";
import { AppError } from "../../../lib/errors.ts";
import { hasLineBreak } from "../../../lib/document/anchors.ts";
import { authorize } from "../authorize.ts";
import type { LiveDocuments, LiveSpan } from "../live-documents.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { amendmentViews } from "./amendment-views.ts";
import { actorOf, assertStateStill, enforce, type AmendmentRow } from "./load-amendment.ts";
import { isUniqueViolation } from "../../../lib/storage-errors.ts";
import { mayChangeParagraph } from "../../../lib/domain/drafting.ts";

export type PutAmendmentInput = { key: string; from: Uint8Array; to: Uint8Array; insert: string; reason?: string };

const PROPOSE_STATES = ACCESS_TABLE["amendment.propose"].states;

/**
 * Proposes an amendment, or revises the caller's own open one with the same key (the tab sends
 * it again as its author types): replace the passage between the anchors by `insert`. The
 * server resolves the anchors in its own replica and stores the passage as it reads there; the
 * delegation is the caller's membership's. Sending the same thing twice stores it once. An
 * insertion point with nothing to insert discards the amendment (WITHDRAWN).
 */
export async function putAmendment(opts: { db: Db; rooms: LiveDocuments; live: LiveNotifier; userId: string | null; proposalId: string; input: PutAmendmentInput; now?: Date }) {
  const { db, proposalId, input } = opts;
  checkSizes(input);
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "amendment.propose", proposalId });
  const actor = actorOf(membership);
  const existing = await db.amendment.findUnique({ where: { proposalId_key: { proposalId, key: input.key } } });
  // A resend of something already settled (the acknowledgement was lost): answered, not refused.
  if (existing && isSettledResend(existing, actor, input)) return { amendment: (await amendmentViews(db, proposalId, [existing.id]))[0] ?? null };
  enforce(existing ? mayRevise(actor, existing, proposal!.state) : mayPropose(actor, proposal!.state));

  const [span] = await opts.rooms.readSpans(proposalId, [{ from: input.from, to: input.to }]);
  // Not a passage of this text: another proposal's anchors, a deleted paragraph, garbage.
  if (!span) throw new AppError("ANCHOR_NOT_FOUND");
  if (span.passage.length > MAX_AMENDMENT_TEXT_CHARS) throw new AppError("INVALID_INPUT", `An amendment replaces at most ${MAX_AMENDMENT_TEXT_CHARS} characters; select a shorter passage.`);
  const isDiscard = span.from === span.to && input.insert === "";
  // Nothing proposed yet and nothing to propose: nothing to store.
  if (!existing && isDiscard) return { amendment: null };

  const write = () => db.$transaction((tx) => store(tx, { ...opts, actor, workshopId: proposal!.workshopId, span, isDiscard, now: opts.now ?? new Date() }));
  let changedId: string | null;
  try {
    changedId = await write();
  } catch (e) {
    // Two sends of a new amendment at once (a resend racing the original): the second revises.
    if (!isUniqueViolation(e)) throw e;
    changedId = await write();
  }
  const id = changedId ?? existing?.id;
  const views = id ? await amendmentViews(db, proposalId, [id]) : [];
  if (changedId) opts.live.amendmentsChanged(proposalId, views);
  return { amendment: views[0] ?? null };
}

function checkSizes(input: PutAmendmentInput): void {
  // The socket's schema says the same; a use case does not rely on its caller for bounds.
  if (input.insert.length > MAX_AMENDMENT_TEXT_CHARS) throw new AppError("INVALID_INPUT", `insert: must be at most ${MAX_AMENDMENT_TEXT_CHARS} characters`);
  if (hasLineBreak(input.insert)) throw new AppError("INVALID_INPUT", "insert: must stay within one paragraph (no line breaks)");
  if (input.reason !== undefined && input.reason.length > MAX_REASON_CHARS) throw new AppError("INVALID_INPUT", `reason: must be at most ${MAX_REASON_CHARS} characters`);
}

function isSettledResend(row: AmendmentRow, actor: Actor, input: PutAmendmentInput): boolean {
  if (row.status === "OPEN" || row.authorId !== actor.userId) return false;
  const isSame = sameBytes(row.anchorFrom, input.from) && sameBytes(row.anchorTo, input.to) && row.insertText === input.insert;
  return isSame || (row.status === "WITHDRAWN" && input.insert === "");
}

type StoreInput = { proposalId: string; input: PutAmendmentInput; actor: Actor; workshopId: string; span: NonNullable<LiveSpan>; isDiscard: boolean; now: Date };

/** Creates or revises in one transaction; the id of the amendment it changed, or null when nothing changed. */
async function store(tx: Tx, s: StoreInput): Promise<string | null> {
  const { proposalId, input, actor, span } = s;
  const state = await assertStateStill(tx, proposalId, PROPOSE_STATES);
  // Read in the transaction, so a paragraph agreed a moment ago is seen. Discarding one's own
  // amendment changes no text: allowed anywhere.
  if (!s.isDiscard) await assertParagraphOpen(tx, proposalId, span.clauseKey);
  const reason = storedReason(input.reason);
  const current = await tx.amendment.findUnique({ where: { proposalId_key: { proposalId, key: input.key } } });
  if (!current) {
    if ((await tx.amendment.count({ where: { proposalId, status: "OPEN" } })) >= MAX_OPEN_AMENDMENTS) throw new AppError("TOO_MANY");
    const created = await tx.amendment.create({
      data: {
        proposalId,
        key: input.key,
        authorId: actor.userId,
        delegationId: actor.delegationId,
        anchorFrom: asBytes(input.from),
        anchorTo: asBytes(input.to),
        passage: span.passage,
        insertText: input.insert,
        reason: reason ?? null,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      workshopId: s.workshopId,
      proposalId,
      actorId: actor.userId,
      action: "amendment.propose",
      detail: { amendmentId: created.id, delegationId: actor.delegationId, passage: span.passage, insert: input.insert },
    });
    return created.id;
  }
  // Read again in the transaction: it may have been decided since the check before the read of the text.
  enforce(mayRevise(actor, current, state));
  if (s.isDiscard) {
    await tx.amendment.update({ where: { id: current.id }, data: { status: "WITHDRAWN", decidedById: actor.userId, decidedAt: s.now } });
    await recordAudit(tx, { workshopId: s.workshopId, proposalId, actorId: actor.userId, action: "amendment.withdraw", detail: { amendmentId: current.id, discarded: true } });
    return current.id;
  }
  const isSameText = current.passage === span.passage && current.insertText === input.insert;
  const isSame = isSameText && sameBytes(current.anchorFrom, input.from) && sameBytes(current.anchorTo, input.to) && (reason === undefined || reason === current.reason);
  if (isSame) return null;
  await tx.amendment.update({
    where: { id: current.id },
    data: { anchorFrom: asBytes(input.from), anchorTo: asBytes(input.to), passage: span.passage, insertText: input.insert, ...(reason !== undefined ? { reason } : {}) },
  });
  // Support or objection was to the words as they were: a different amendment asks again.
  if (!isSameText) await tx.amendmentStance.deleteMany({ where: { amendmentId: current.id } });
  return current.id;
}

/** An agreed paragraph takes no amendment until the chair reopens it (lib/domain/drafting.ts). */
async function assertParagraphOpen(tx: Tx, proposalId: string, clauseKey: string | null): Promise<void> {
  if (clauseKey === null) return;
  const row = await tx.clauseState.findUnique({ where: { proposalId_clauseKey: { proposalId, clauseKey } }, select: { status: true } });
  if (row && !mayChangeParagraph(row.status, "amend")) throw new AppError("PARAGRAPH_AGREED");
}
