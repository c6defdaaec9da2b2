import type { Db } from "../../../lib/db.ts";
import type { ProposalState } from "../../../lib/domain/access.ts";
import { nextState } from "../../../lib/domain/proposal-lifecycle.ts";
import { tally, type Tally } from "../../../lib/domain/tally.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notifyProposal } from "../notifications/notify.ts";

/**
 * Closes the open round: counts it with the pure tally, records the result (a closed round
 * never changes), and moves the proposal to ADOPTED or back to the state it was in before the
 * vote (a locked text stays locked). `cancel` voids the round instead (no result) and returns
 * the proposal to that state too.
 */
export async function closeVoteRound(opts: {
  db: Db;
  live: LiveNotifier;
  userId: string | null;
  roundId: string;
  cancel?: boolean;
  now: Date;
}): Promise<{ state: ProposalState; tally: Tally | null }> {
  const round = await opts.db.voteRound.findUnique({ where: { id: opts.roundId } });
  if (!round) throw new AppError("NOT_FOUND");
  const action = opts.cancel ? "vote.cancel" : "vote.close";
  const { proposal, membership } = await authorize({ db: opts.db, userId: opts.userId, action, proposalId: round.proposalId });

  const result = await opts.db.$transaction(async (tx) => {
    // Closing is conditional on the round still being open: it happens once. It is also the
    // round's row lock, which every cast claims first (castBallot): on PostgreSQL this waits for
    // ballots in flight to commit, and the count below (a later statement) sees them all.
    const { count } = await tx.voteRound.updateMany({
      where: { id: round.id, status: "OPEN" },
      data: { status: opts.cancel ? "CANCELLED" : "CLOSED", closedAt: opts.now },
    });
    if (count === 0) throw new AppError("ROUND_CLOSED");
    let counted: Tally | null = null;
    if (!opts.cancel) {
      const ballots = await tx.ballot.findMany({ where: { roundId: round.id }, select: { choice: true } });
      counted = tally(round.rule, round.quorum, ballots.map((b) => b.choice));
      await tx.voteRound.update({ where: { id: round.id }, data: { result: JSON.stringify(counted) } });
    }
    const state = nextState("VOTING", opts.cancel ? "cancelVote" : counted?.isAdopted ? "adopt" : "reject", round.stateBefore);
    if (!state) throw new AppError("WRONG_STATE");
    const moved = await tx.proposal.updateMany({ where: { id: round.proposalId, state: "VOTING" }, data: { state } });
    if (moved.count === 0) throw new AppError("WRONG_STATE");
    await recordAudit(tx, {
      workshopId: proposal!.workshopId,
      proposalId: round.proposalId,
      actorId: membership.userId,
      action: opts.cancel ? "vote.cancel" : "vote.close",
      detail: { roundId: round.id, ...(counted ? { tally: counted } : {}), state },
    });
    await notifyProposal(tx, { kind: opts.cancel ? "vote.cancel" : "vote.close", proposalId: round.proposalId, isAdopted: counted?.isAdopted, except: membership.userId });
    return { state, tally: counted } as const;
  });
  opts.live.proposalState(round.proposalId, result.state);
  opts.live.workshopChanged(proposal!.workshopId);
  return result;
}
