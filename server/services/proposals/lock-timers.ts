import type { Db } from "../../../lib/db.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { lockWhenDue } from "./lock-countdown.ts";

/**
 * This process's reminders for pending countdowns. They survive nothing: on start `resume`
 * reads every pending Proposal.lockAt, locks the overdue ones at once and schedules the rest.
 */
export type LockTimers = {
  schedule(proposalId: string, at: Date): void;
  cancel(proposalId: string): void;
  resume(): Promise<void>;
  close(): void;
};

export function createLockTimers(opts: { db: Db; live: LiveNotifier; now?: () => Date }): LockTimers {
  const now = opts.now ?? (() => new Date());
  const timers = new Map<string, NodeJS.Timeout>();
  const cancel = (proposalId: string) => {
    clearTimeout(timers.get(proposalId));
    timers.delete(proposalId);
  };
  const schedule = (proposalId: string, at: Date) => {
    cancel(proposalId);
    const timer = setTimeout(
      () => {
        timers.delete(proposalId);
        lockWhenDue({ db: opts.db, live: opts.live, proposalId, lockAt: at }).catch((e) => console.error(`countdown lock of ${proposalId} failed:`, (e as Error).message));
      },
      Math.max(0, at.getTime() - now().getTime()),
    );
    // A pending countdown never keeps the process alive: lockAt in the database outlives it.
    timer.unref();
    timers.set(proposalId, timer);
  };
  return {
    schedule,
    cancel,
    async resume() {
      const pending = await opts.db.proposal.findMany({ where: { state: "DRAFTING", lockAt: { not: null } }, select: { id: true, lockAt: true } });
      for (const p of pending) schedule(p.id, p.lockAt!);
    },
    close() {
      for (const id of [...timers.keys()]) cancel(id);
    },
  };
}

// Server actions run in Next's bundle, in the same process: globalThis is how they reach these timers.
const holder = globalThis as unknown as { accordLockTimers?: LockTimers };

export function installLockTimers(timers: LockTimers): void {
  holder.accordLockTimers = timers;
}

export function lockTimers(): LockTimers {
  if (!holder.accordLockTimers) throw new Error("The lock timers are not running in this process.");
  return holder.accordLockTimers;
}
