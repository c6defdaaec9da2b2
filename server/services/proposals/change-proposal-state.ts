import type { Db } from "../../../lib/db.ts";
import type { Action } from "../../../lib/domain/access.ts";
import { nextState, statesAllowing, type ChairStateChange } from "../../../lib/domain/proposal-lifecycle.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notifyProposal } from "../notifications/notify.ts";

type Change = ChairStateChange;
const ACTION: Record<Change, Action> = { lock: "proposal.lock", unlock: "proposal.unlock", withdraw: "proposal.withdraw" };

/** The chair locks or reopens drafting, or withdraws the proposal (voiding an open vote). */
export async function changeProposalState(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; change: Change; now: Date }) {
  const { proposal, membership } = await authorize({ db: opts.db, userId: opts.userId, action: ACTION[opts.change], proposalId: opts.proposalId });
  const to = nextState(proposal!.state, opts.change);
  if (!to) throw new AppError("WRONG_STATE");
  await opts.db.$transaction(async (tx) => {
    // Conditional on the state we checked: a concurrent change makes this one fail, not both win.
    // Any move settles a pending countdown ("Lock in 30 s"): the chair has decided.
    const { count } = await tx.proposal.updateMany({ where: { id: opts.proposalId, state: { in: [...statesAllowing(opts.change)] } }, data: { state: to, lockAt: null } });
    if (count === 0) throw new AppError("WRONG_STATE");
    if (opts.change === "withdraw") {
      await tx.voteRound.updateMany({ where: { proposalId: opts.proposalId, status: "OPEN" }, data: { status: "CANCELLED", closedAt: opts.now } });
    }
    await recordAudit(tx, { workshopId: proposal!.workshopId, proposalId: opts.proposalId, actorId: membership.userId, action: `proposal.${opts.change}`, detail: { from: proposal!.state, to } });
    if (opts.change !== "withdraw") await notifyProposal(tx, { kind: `proposal.${opts.change}`, proposalId: opts.proposalId, except: membership.userId });
  });
  opts.live.proposalState(opts.proposalId, to);
  opts.live.workshopChanged(proposal!.workshopId);
  return { state: to };
}
