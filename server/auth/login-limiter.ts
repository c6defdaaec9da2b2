// Failed sign-ins (and wrong current passwords) slow the next attempt under the same key; the
// rule is lib/domain/login-delay.ts. Counted in the database (LoginThrottle), so every node
// sees the same counts. Only failures count: fifty delegates signing in at once behind one
// venue address are never slowed.
import { db as processDb, type Db } from "../../lib/db.ts";
import { afterFailure, FORGET_AFTER_MS, waitFor, type ThrottleKey, type ThrottleState } from "../../lib/domain/login-delay.ts";
import { isUniqueViolation } from "../../lib/storage-errors.ts";

/** Old rows are deleted at most this often (per process). */
const PRUNE_EVERY_MS = 60_000;
/** Conditional writes that lost to another node's are retried this many times. */
const MAX_RETRIES = 50;

type Row = { key: string; failures: number; nextAllowedAt: Date; updatedAt: Date };

function stateOf(row: Row | null | undefined): ThrottleState | null {
  return row ? { failures: row.failures, nextAllowedAt: row.nextAllowedAt.getTime(), updatedAt: row.updatedAt.getTime() } : null;
}

export class LoginLimiter {
  private readonly database: () => Db;
  private lastPruneAt = -Infinity;

  /** `db`: the database to count in; by default the process's (lib/db.ts). */
  constructor(db?: Db | (() => Db)) {
    this.database = typeof db === "function" ? db : db ? () => db : processDb;
  }

  /** How long an attempt at `now` must still wait under these keys (0: it may go ahead). */
  async wait(keys: readonly ThrottleKey[], now: number): Promise<number> {
    const rows = await this.database().loginThrottle.findMany({ where: { key: { in: keys.map((k) => k.key) } } });
    return Math.max(0, ...rows.map((r) => waitFor(stateOf(r), now)));
  }

  /** One failed attempt, counted under every key. */
  async failed(keys: readonly ThrottleKey[], now: number): Promise<void> {
    for (const key of keys) await this.count(key, now);
    await this.prune(now);
  }

  /** A success clears these keys' counts (the account's; never an address's). */
  async succeeded(keys: readonly ThrottleKey[]): Promise<void> {
    await this.database().loginThrottle.deleteMany({ where: { key: { in: keys.map((k) => k.key) } } });
  }

  /**
   * Read, then write only if the row is still what was read (failures and updatedAt): when two
   * nodes count at once, one write loses, re-reads and counts on top of the other's.
   */
  private async count({ key, rule }: ThrottleKey, now: number): Promise<void> {
    const db = this.database();
    for (let i = 0; i < MAX_RETRIES; i++) {
      const row = await db.loginThrottle.findUnique({ where: { key } });
      const next = afterFailure(stateOf(row), now, rule);
      const data = { failures: next.failures, nextAllowedAt: new Date(next.nextAllowedAt), updatedAt: new Date(next.updatedAt) };
      if (!row) {
        try {
          await db.loginThrottle.create({ data: { key, ...data } });
          return;
        } catch (e) {
          if (isUniqueViolation(e)) continue; // another node created it first
          throw e;
        }
      }
      const { count } = await db.loginThrottle.updateMany({ where: { key, failures: row.failures, updatedAt: row.updatedAt }, data });
      if (count === 1) return;
    }
    throw new Error(`login throttle: could not count a failure under ${key} (too much contention)`);
  }

  /** Keys idle a day count from zero anyway: their rows go, so the table stays small. */
  private async prune(now: number): Promise<void> {
    if (now - this.lastPruneAt < PRUNE_EVERY_MS) return;
    this.lastPruneAt = now;
    await this.database().loginThrottle.deleteMany({ where: { updatedAt: { lte: new Date(now - FORGET_AFTER_MS) } } });
  }
}
