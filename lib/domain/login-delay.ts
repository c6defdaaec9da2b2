// Failed sign-ins slow the next attempt instead of locking anyone out. Pure: time is passed in.
//
// Each failure is counted under keys (see throttleKeys): the address it came from (every
// account), and the account *from that address*. After a key's free failures, the next attempt
// under it waits 2^(failures - free) seconds, capped at 15 minutes; attempts refused while it
// waits are not counted, so no delay is ever longer than the cap. The account's count is per
// address, so guesses from elsewhere never delay the real user at all; an address's count never
// affects another address. A success clears the account's count (not the address's: signing in
// to one's own account must not buy more guesses at others). A key idle a day starts over.

export type DelayRule = { free: number; capMs: number };

/** Per account and address: three mistakes are free, then 2 s, 4 s, … 15 min. */
export const ACCOUNT_RULE: DelayRule = { free: 3, capMs: 15 * 60_000 };
/** Per address: a venue of delegates behind one address may mistype 20 times first. */
export const ADDRESS_RULE: DelayRule = { free: 20, capMs: 15 * 60_000 };
/** A key with no failure for this long counts from zero again (and its row is pruned). */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long the next attempt waits after `failures` failures under a key. */
export function delayAfter(failures: number, rule: DelayRule): number {
  if (failures <= rule.free) return 0;
  const exponent = failures - rule.free;
  // 2^exponent seconds; large exponents go straight to the cap (no overflow).
  return exponent >= 30 ? rule.capMs : Math.min(rule.capMs, 2 ** exponent * 1000);
}

export type ThrottleState = { failures: number; nextAllowedAt: number; updatedAt: number };

/** The failures still counted at `now` (a key idle FORGET_AFTER_MS has none). */
export function liveFailures(state: ThrottleState | null | undefined, now: number): number {
  if (!state || now - state.updatedAt >= FORGET_AFTER_MS) return 0;
  return state.failures;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null | undefined, now: number, rule: DelayRule): ThrottleState {
  const failures = liveFailures(state, now) + 1;
  return { failures, nextAllowedAt: now + delayAfter(failures, rule), updatedAt: now };
}

/** How long an attempt at `now` must still wait under this key (0: it may go ahead). */
export function waitFor(state: ThrottleState | null | undefined, now: number): number {
  if (!state || liveFailures(state, now) === 0) return 0;
  return Math.max(0, state.nextAllowedAt - now);
}

export type ThrottleKey = { key: string; rule: DelayRule };

/**
 * What an address is counted as: an IPv4 address itself; an IPv6 address by its /64 (one
 * subscriber's network: its other 2^64 addresses must not be 2^64 fresh counts).
 */
export function addressBucket(address: string): string {
  if (!address.includes(":")) return address;
  const [head, tail] = address.split("::", 2) as [string, string | undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (…:192.0.2.1) is two groups; only the first four groups matter here.
  const groups = tail === undefined ? left : [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  if (groups.length < 4 || groups.slice(0, 4).some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return address;
  return `${groups.slice(0, 4).map((g) => parseInt(g, 16).toString(16)).join(":")}::/64`;
}

/** The keys a sign-in attempt for `account` from `address` is counted under. */
export function throttleKeys(account: string, address: string): { account: ThrottleKey; address: ThrottleKey } {
  const bucket = addressBucket(address);
  return {
    account: { key: `account:${account}|${bucket}`, rule: ACCOUNT_RULE },
    address: { key: `address:${bucket}`, rule: ADDRESS_RULE },
  };
}
