// Failed sign-ins are limited per account (guessing one password) and per address (trying
// many accounts). Only failures count: fifty delegates signing in at once behind one venue
// address are never slowed. In memory, per process: behind several nodes each node counts on
// its own, which still bounds guessing to a small multiple.
import { newBucket, refill, take, type Bucket } from "../../lib/domain/rate-limit.ts";

/** Five failures per account, then one more try every three minutes. */
export const ACCOUNT_LIMIT = { capacity: 5, perSecond: 1 / 180 } as const;
/** Twenty failures per address, then one more try every 20 seconds. */
export const ADDRESS_LIMIT = { capacity: 20, perSecond: 1 / 20 } as const;
/** Forget buckets idle this long, so the maps do not grow without bound. */
const FORGET_AFTER_MS = 60 * 60 * 1000;

export class LoginLimiter {
  private readonly accounts = new Map<string, Bucket>();
  private readonly addresses = new Map<string, Bucket>();

  /** Whether an attempt may be made now (both budgets have a try left). */
  allows(account: string, address: string, now: number): boolean {
    this.forgetIdle(now);
    const a = this.accounts.get(account);
    const b = this.addresses.get(address);
    return (!a || refill(a, ACCOUNT_LIMIT, now) >= 1) && (!b || refill(b, ADDRESS_LIMIT, now) >= 1);
  }

  /** A failed attempt spends a try from both budgets. */
  failed(account: string, address: string, now: number): void {
    const a = this.accounts.get(account) ?? newBucket(ACCOUNT_LIMIT.capacity, now);
    const b = this.addresses.get(address) ?? newBucket(ADDRESS_LIMIT.capacity, now);
    this.accounts.set(account, a);
    this.addresses.set(address, b);
    take(a, ACCOUNT_LIMIT, now);
    take(b, ADDRESS_LIMIT, now);
  }

  /** A successful sign-in gives the account its budget back. */
  succeeded(account: string): void {
    this.accounts.delete(account);
  }

  private forgetIdle(now: number): void {
    if (this.accounts.size + this.addresses.size < 10_000) return;
    for (const map of [this.accounts, this.addresses]) {
      for (const [k, v] of map) if (now - v.updatedAt > FORGET_AFTER_MS) map.delete(k);
    }
  }
}
