// The one gate every server entry point goes through: load the caller's membership (and the
// proposal's state when the action is about a proposal), ask the pure access table, throw a
// named error when it says no.
import type { Db } from "../../lib/db.ts";
import { decide, isProposalAction, type Action } from "../../lib/domain/access.ts";
import type { ProposalState, Role } from "../../lib/domain/vocabulary.ts";
import { AppError } from "../../lib/errors.ts";

export type Membership = {
  memberId: string;
  userId: string;
  workshopId: string;
  role: Role;
  delegationId: string | null;
};

export async function findMembership(db: Db, workshopId: string, userId: string): Promise<Membership | null> {
  return (await findSeat(db, workshopId, userId))?.membership ?? null;
}

/** The membership and whether its workshop is archived, in one read (every entry point runs it). */
async function findSeat(db: Db, workshopId: string, userId: string): Promise<{ membership: Membership; isArchived: boolean } | null> {
  const m = await db.member.findUnique({ where: { workshopId_userId: { workshopId, userId } }, include: { workshop: { select: { archivedAt: true } } } });
  if (!m) return null;
  return {
    membership: { memberId: m.id, userId: m.userId, workshopId: m.workshopId, role: m.role, delegationId: m.delegationId },
    isArchived: m.workshop.archivedAt !== null,
  };
}

type Target = { workshopId: string; proposalId?: undefined } | { proposalId: string; workshopId?: undefined };

export type Authorized = {
  membership: Membership;
  proposal: { id: string; workshopId: string; state: ProposalState } | null;
  /** The workshop is archived (only read actions get this far then): for use cases that decide a second action. */
  isArchived: boolean;
};

export async function authorize(opts: { db: Db; userId: string | null; action: Action } & Target): Promise<Authorized> {
  const { db, userId, action } = opts;
  if (!userId) throw new AppError("UNAUTHENTICATED");
  let workshopId = opts.workshopId;
  let proposal: Authorized["proposal"] = null;
  if (opts.proposalId !== undefined) {
    proposal = await db.proposal.findUnique({
      where: { id: opts.proposalId },
      select: { id: true, workshopId: true, state: true },
    });
    // An unknown proposal and one in a workshop you are not in look the same: no leak.
    if (!proposal) throw new AppError("NOT_FOUND");
    workshopId = proposal.workshopId;
  }
  if (!workshopId) throw new AppError("NOT_FOUND");
  if (isProposalAction(action) && !proposal) throw new AppError("INVALID_INPUT", "This action needs a proposal.");
  const seat = await findSeat(db, workshopId, userId);
  const decision = decide(seat?.membership.role ?? null, action, proposal?.state, { archived: seat?.isArchived ?? false });
  if (!decision.allowed) throw new AppError(decision.code === "NOT_A_MEMBER" ? "NOT_FOUND" : decision.code);
  return { membership: seat!.membership, proposal, isArchived: seat!.isArchived };
}
