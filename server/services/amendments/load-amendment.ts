// What every amendment use case does between authorizing and writing: who the caller is in the
// domain's terms (from the membership, never from the request), the amendment as stored (only
// within the proposal the caller was authorized for), and a rule's refusal as a named error.
import type { Db, Tx } from "../../../lib/db.ts";
import type { Actor, Verdict } from "../../../lib/domain/amendments.ts";
import type { ProposalState } from "../../../lib/domain/vocabulary.ts";
import { AppError, type ErrorCode } from "../../../lib/errors.ts";
import type { Membership } from "../authorize.ts";

export function actorOf(membership: Membership): Actor {
  return { userId: membership.userId, role: membership.role, delegationId: membership.delegationId };
}

/** A rule's "no" (amendments', comments', drafting's) becomes the error the client sees, with the rule's own words. */
export function enforce(verdict: Verdict | { ok: false; code: ErrorCode; message: string }): void {
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message);
}

/** The amendment, if it belongs to this proposal: another proposal's id is as unknown as a made-up one. */
export async function loadAmendment(db: Db | Tx, proposalId: string, amendmentId: string) {
  const row = await db.amendment.findFirst({ where: { id: amendmentId, proposalId } });
  if (!row) throw new AppError("NOT_FOUND");
  return row;
}

export type AmendmentRow = Awaited<ReturnType<typeof loadAmendment>>;

/**
 * Re-reads the proposal's state in the writing transaction: a lock or a vote that committed
 * after the caller was authorized wins, and the amendment's change is refused, not slipped in.
 */
export async function assertStateStill(tx: Tx, proposalId: string, states: readonly ProposalState[]): Promise<ProposalState> {
  const p = await tx.proposal.findUnique({ where: { id: proposalId }, select: { state: true } });
  if (!p || !states.includes(p.state)) throw new AppError("WRONG_STATE");
  return p.state;
}

/** " (JPN)": the delegation's code for a version label ("Amendment accepted (JPN)"), or nothing. */
export async function delegationSuffix(db: Db | Tx, delegationId: string | null): Promise<string> {
  if (!delegationId) return "";
  const d = await db.delegation.findUnique({ where: { id: delegationId }, select: { code: true } });
  return d ? ` (${d.code})` : "";
}
