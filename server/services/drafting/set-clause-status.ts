import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { MAX_AWAITED_DELEGATIONS, maySetStatus, statusAfterConfirmations } from "../../../lib/domain/drafting.ts";
import type { ClauseStatus } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";
import type { Tx } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { announce } from "./announce.ts";
import { clauseViews } from "./drafting-views.ts";
import { actorOf, assertStateStill, enforce, type DraftingDeps } from "./load-drafting.ts";

export type SetClauseStatusInput = { clauseKey: string; status: ClauseStatus; awaiting?: readonly string[] };

/**
 * The chair sets a paragraph's status: Open (which is also "Reopen paragraph": its row goes),
 * Agreed ad referendum (awaiting the named delegations' capitals), Agreed, or Parked. The key
 * must be a paragraph of the live text now; a paragraph with open brackets cannot be agreed.
 */
export async function setClauseStatus(opts: DraftingDeps & { input: SetClauseStatusInput }) {
  const { db, rooms, proposalId, input } = opts;
  const now = opts.now ?? new Date();
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "clause.status", proposalId });
  const actor = actorOf(membership);
  enforce(maySetStatus(actor, proposal!.state, input.status, 0));
  const awaiting = input.status === "AGREED_AD_REFERENDUM" ? await awaitedDelegations(opts, proposal!.workshopId, input.awaiting ?? []) : [];
  const { keys } = await rooms.readParagraphs(proposalId);
  if (!keys.includes(input.clauseKey)) throw new AppError("PARAGRAPH_NOT_FOUND");

  const changed = await db.$transaction(async (tx) => {
    const state = await assertStateStill(tx, proposalId, ACCESS_TABLE["clause.status"].states);
    const openBrackets = await tx.bracket.count({ where: { proposalId, clauseKey: input.clauseKey, status: "OPEN" } });
    enforce(maySetStatus(actor, state, input.status, openBrackets));
    const before = await tx.clauseState.findUnique({
      where: { proposalId_clauseKey: { proposalId, clauseKey: input.clauseKey } },
      select: { id: true, status: true, capitals: { select: { delegationId: true } } },
    });
    const from: ClauseStatus = before?.status ?? "OPEN";
    const sameAwaited = sameSet(before?.capitals.map((c) => c.delegationId) ?? [], awaiting);
    // Setting what is already set records nothing more.
    if (from === input.status && sameAwaited) return false;
    const to = await store(tx, { proposalId, clauseKey: input.clauseKey, status: input.status, awaiting, setById: actor.userId, now });
    await recordAudit(tx, {
      workshopId: proposal!.workshopId,
      proposalId,
      actorId: actor.userId,
      action: "clause.status",
      detail: { clauseKey: input.clauseKey, number: keys.indexOf(input.clauseKey) + 1, from, to, awaiting },
    });
    return true;
  });
  const views = await clauseViews(db, proposalId, [input.clauseKey], { by: actor.userId, at: now });
  if (changed) await announce(opts, proposal!.workshopId, { clauses: views }, { recount: true, statusChanged: true, keys });
  return { clause: views[0]! };
}

/**
 * The delegations to await, each once: only this workshop's (another's id is refused, not dropped).
 * None yet is allowed: the chair picks the status first and then ticks the delegations, one
 * change each; a paragraph awaiting nobody stays ad referendum until some are named and confirm.
 */
async function awaitedDelegations(opts: DraftingDeps, workshopId: string, ids: readonly string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  if (unique.length > MAX_AWAITED_DELEGATIONS) throw new AppError("INVALID_INPUT", `awaiting: at most ${MAX_AWAITED_DELEGATIONS} delegations`);
  const found = await opts.db.delegation.findMany({ where: { workshopId, id: { in: unique } }, select: { id: true } });
  if (found.length !== unique.length) throw new AppError("INVALID_INPUT", "awaiting: not a delegation of this workshop.");
  return unique;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

type Store = { proposalId: string; clauseKey: string; status: ClauseStatus; awaiting: string[]; setById: string; now: Date };

/** Writes the status; returns the status stored (ad referendum already confirmed by all is Agreed). */
async function store(tx: Tx, s: Store): Promise<ClauseStatus> {
  const where = { proposalId_clauseKey: { proposalId: s.proposalId, clauseKey: s.clauseKey } };
  // Open is the absence of a row: nothing of an earlier status (its capitals) lingers.
  if (s.status === "OPEN") {
    await tx.clauseState.deleteMany({ where: { proposalId: s.proposalId, clauseKey: s.clauseKey } });
    return "OPEN";
  }
  const row = await tx.clauseState.upsert({
    where,
    create: { proposalId: s.proposalId, clauseKey: s.clauseKey, status: s.status, setById: s.setById },
    update: { status: s.status, setById: s.setById },
    select: { id: true },
  });
  // Capitals that confirmed already and are still awaited keep their confirmation.
  await tx.clauseCapital.deleteMany({ where: { clauseStateId: row.id, delegationId: { notIn: s.awaiting } } });
  const kept = await tx.clauseCapital.findMany({ where: { clauseStateId: row.id }, select: { delegationId: true, confirmedAt: true } });
  const missing = s.awaiting.filter((d) => !kept.some((k) => k.delegationId === d));
  if (missing.length > 0) await tx.clauseCapital.createMany({ data: missing.map((delegationId) => ({ clauseStateId: row.id, delegationId })) });
  if (s.status !== "AGREED_AD_REFERENDUM") return s.status;
  const all = [...kept.map((k) => ({ confirmed: k.confirmedAt !== null })), ...missing.map(() => ({ confirmed: false }))];
  const status = statusAfterConfirmations(all);
  if (status !== s.status) await tx.clauseState.update({ where: { id: row.id }, data: { status } });
  return status;
}
