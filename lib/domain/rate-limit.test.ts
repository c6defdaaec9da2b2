import { describe, expect, it } from "vitest";
import { newBucket, take } from "./rate-limit";

const opts = { capacity: 3, perSecond: 2 };

describe("token bucket", () => {
  it("allows a burst up to capacity, then refuses", () => {
    const b = newBucket(3, 0);
    expect([take(b, opts, 0), take(b, opts, 0), take(b, opts, 0), take(b, opts, 0)]).toEqual([true, true, true, false]);
  });

  it.each([
    [250, false], // half a token
    [500, true], // one token
    [10_000, true], // long idle: refills to capacity, not beyond
  ])("after %i ms of quiet: %s", (ms, expected) => {
    const b = newBucket(3, 0);
    for (let i = 0; i < 3; i++) take(b, opts, 0);
    expect(take(b, opts, ms)).toBe(expected);
  });

  it("never exceeds capacity after a long idle", () => {
    const b = newBucket(3, 0);
    const results = Array.from({ length: 5 }, () => take(b, opts, 60_000));
    expect(results).toEqual([true, true, true, false, false]);
  });

  it("does not refill backwards if the clock goes back", () => {
    const b = newBucket(1, 1000);
    expect(take(b, opts, 1000)).toBe(true);
    expect(take(b, opts, 500)).toBe(false);
  });
});
