import type { Db } from "../../../lib/db.ts";
import type { LockCountdown } from "../../../lib/domain/proposal-lifecycle.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LockTimers } from "./lock-timers.ts";

// "Lock in 30 s": drafting locks by itself when the countdown ends, unless the chair cancels it.
// Proposal.lockAt is the one truth (every page shows it from the live board); the timer that
// performs the lock is only this process's reminder, rebuilt from lockAt on start.

type Common = { db: Db; live: LiveNotifier; timers: LockTimers; userId: string | null; proposalId: string };

export async function scheduleLock(opts: Common & { seconds: LockCountdown; now: Date }): Promise<{ lockAt: Date }> {
  const { proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.lock", proposalId: opts.proposalId });
  const lockAt = new Date(opts.now.getTime() + opts.seconds * 1000);
  const { count } = await opts.db.proposal.updateMany({ where: { id: opts.proposalId, state: "DRAFTING" }, data: { lockAt } });
  if (count === 0) throw new AppError("WRONG_STATE");
  opts.timers.schedule(opts.proposalId, lockAt);
  opts.live.workshopChanged(proposal!.workshopId);
  return { lockAt };
}

/** "Cancel lock": drafting goes on; refused when no countdown is running (it may just have ended). */
export async function cancelLock(opts: Common): Promise<void> {
  const { proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.lock", proposalId: opts.proposalId });
  const { count } = await opts.db.proposal.updateMany({ where: { id: opts.proposalId, state: "DRAFTING", lockAt: { not: null } }, data: { lockAt: null } });
  if (count === 0) throw new AppError("WRONG_STATE", "No lock countdown is running.");
  opts.timers.cancel(opts.proposalId);
  opts.live.workshopChanged(proposal!.workshopId);
}

/**
 * Performs a countdown's lock. Conditional on the proposal still drafting with the very lockAt
 * this timer was set for: a cancelled, rescheduled or already performed countdown (on this node
 * or another) changes nothing, so with several nodes exactly one lock happens.
 */
export async function lockWhenDue(opts: { db: Db; live: LiveNotifier; proposalId: string; lockAt: Date }): Promise<boolean> {
  const proposal = await opts.db.proposal.findUnique({ where: { id: opts.proposalId }, select: { workshopId: true } });
  if (!proposal) return false;
  const isLocked = await opts.db.$transaction(async (tx) => {
    const { count } = await tx.proposal.updateMany({
      where: { id: opts.proposalId, state: "DRAFTING", lockAt: opts.lockAt },
      data: { state: "LOCKED", lockAt: null },
    });
    if (count === 0) return false;
    // No actor: the countdown the chair started did it (the chair's own moves are audited as theirs).
    await recordAudit(tx, {
      workshopId: proposal.workshopId,
      proposalId: opts.proposalId,
      actorId: null,
      action: "proposal.lock",
      detail: { from: "DRAFTING", to: "LOCKED", countdownEndedAt: opts.lockAt.toISOString() },
    });
    return true;
  });
  if (!isLocked) return false;
  opts.live.proposalState(opts.proposalId, "LOCKED");
  opts.live.workshopChanged(proposal.workshopId);
  return true;
}
