import { describe, expect, it } from "vitest";
import { ACCOUNT_RULE, ADDRESS_RULE, FORGET_AFTER_MS, addressBucket, afterFailure, delayAfter, liveFailures, throttleKeys, waitFor, type ThrottleState } from "./login-delay";

const S = 1000;
const MIN = 60 * S;

describe("delayAfter", () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 0],
    [4, 2 * S],
    [5, 4 * S],
    [6, 8 * S],
    [12, 512 * S],
    [13, 15 * MIN], // 1024 s > the cap
    [14, 15 * MIN],
    [100, 15 * MIN],
    [1e9, 15 * MIN],
  ])("an account (from one address) after %i failures waits %i ms", (failures, ms) => {
    expect(delayAfter(failures, ACCOUNT_RULE)).toBe(ms);
  });

  it.each([
    [20, 0],
    [21, 2 * S],
    [22, 4 * S],
    [30, 15 * MIN],
  ])("an address after %i failures waits %i ms", (failures, ms) => {
    expect(delayAfter(failures, ADDRESS_RULE)).toBe(ms);
  });

  it("never exceeds the cap, and never shrinks as failures grow", () => {
    let previous = 0;
    for (let n = 0; n < 200; n++) {
      const d = delayAfter(n, ACCOUNT_RULE);
      expect(d).toBeLessThanOrEqual(ACCOUNT_RULE.capMs);
      expect(d).toBeGreaterThanOrEqual(previous);
      previous = d;
    }
  });
});

describe("counting failures", () => {
  it("each failure sets when the next attempt may come; an attempt before that waits the rest", () => {
    let state: ThrottleState | null = null;
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) state = afterFailure(state, t0, ACCOUNT_RULE);
    expect(state).toEqual({ failures: 3, nextAllowedAt: t0, updatedAt: t0 });
    expect(waitFor(state, t0)).toBe(0);
    state = afterFailure(state, t0, ACCOUNT_RULE);
    expect(waitFor(state, t0)).toBe(2 * S);
    expect(waitFor(state, t0 + 1500)).toBe(500);
    expect(waitFor(state, t0 + 2 * S)).toBe(0);
  });

  it("a key idle a day starts over", () => {
    const t0 = 5_000_000;
    const state: ThrottleState = { failures: 40, nextAllowedAt: t0 + 15 * MIN, updatedAt: t0 };
    expect(liveFailures(state, t0 + FORGET_AFTER_MS - 1)).toBe(40);
    expect(liveFailures(state, t0 + FORGET_AFTER_MS)).toBe(0);
    expect(afterFailure(state, t0 + FORGET_AFTER_MS, ACCOUNT_RULE)).toMatchObject({ failures: 1 });
  });

  it("no state (or a success, which deletes it) means no wait", () => {
    expect(waitFor(null, 0)).toBe(0);
    expect(afterFailure(undefined, 7, ACCOUNT_RULE)).toEqual({ failures: 1, nextAllowedAt: 7, updatedAt: 7 });
  });
});

describe("throttleKeys", () => {
  it("counts an account per address, and an address across accounts", () => {
    const a = throttleKeys("delegate@x", "192.0.2.1");
    const b = throttleKeys("delegate@x", "192.0.2.2");
    const c = throttleKeys("other@x", "192.0.2.1");
    expect(a.account.key).not.toBe(b.account.key); // guesses from elsewhere never delay this address
    expect(a.account.key).not.toBe(c.account.key);
    expect(a.address.key).toBe(c.address.key); // one address, many accounts: one count
    expect(a.address.key).not.toBe(b.address.key); // never another address's
    expect(a.account.rule).toBe(ACCOUNT_RULE);
    expect(a.address.rule).toBe(ADDRESS_RULE);
  });
});

describe("addressBucket", () => {
  it.each([
    ["192.0.2.1", "192.0.2.1"],
    ["2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64"],
    ["2001:db8:1:2::9", "2001:db8:1:2::/64"],
    ["2001:0db8:0001:0002:ffff::1", "2001:db8:1:2::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::1", "0:0:0:0::/64"],
    ["fe80::1", "fe80:0:0:0::/64"],
  ])("%s is counted as %s", (address, bucket) => expect(addressBucket(address)).toBe(bucket));

  it("counts an IPv6 /64 as one address", () => {
    expect(throttleKeys("a@x", "2001:db8:1:2::1").address.key).toBe(throttleKeys("b@x", "2001:db8:1:2:ffff::7").address.key);
    expect(throttleKeys("a@x", "2001:db8:1:2::1").address.key).not.toBe(throttleKeys("a@x", "2001:db8:1:3::1").address.key);
  });
});
