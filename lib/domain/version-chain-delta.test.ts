import { describe, expect, it } from "vitest";
import { applyDelta, encodeDelta } from "./version-chain-delta.ts";
import { deltaPaysOff, isKeyframe, KEYFRAME_EVERY, MAX_DELTA_INPUT_BYTES, mayStoreAsDelta, MIN_DELTA_SAVING_BYTES } from "./version-chain-storage.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Deterministic pseudo-random bytes (no clock, no Math.random: the same every run). */
function bytes(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}
const splice = (b: Uint8Array, at: number, remove: number, insert: Uint8Array) => Uint8Array.from([...b.subarray(0, at), ...insert, ...b.subarray(at + remove)]);
const clause = "The Parties agree to strengthen regional cooperation on public health and small enterprise finance. ";
const long = utf8(clause.repeat(200));
const random = bytes(50_000, 7);

describe("encodeDelta / applyDelta give back exactly the target", () => {
  const cases: Array<[string, Uint8Array, Uint8Array, number]> = [
    // [what, base, target, most delta bytes expected]
    ["both empty", new Uint8Array(), new Uint8Array(), 1],
    ["from empty", new Uint8Array(), utf8("Article 1."), 12],
    ["to empty", long, new Uint8Array(), 3],
    ["identical", long, long, 8],
    ["a word inserted in the middle", long, splice(long, 10_000, 0, utf8("openly ")), 24],
    ["a word deleted in the middle", long, splice(long, 10_000, 7, new Uint8Array()), 16],
    ["edits at the start and the end", long, splice(splice(long, 5, 3, utf8("xyz!")), long.length - 40, 10, new Uint8Array()), 24],
    ["several edits far apart in random bytes", random, splice(splice(splice(random, 45_000, 2, bytes(3, 1)), 30_000, 0, bytes(9, 2)), 1_000, 5, new Uint8Array()), 80],
    ["a block moved", random, Uint8Array.from([...random.subarray(25_000), ...random.subarray(0, 25_000)]), 24],
    ["unrelated bytes", bytes(1000, 3), bytes(1000, 4), 1010],
    ["CJK text with one character changed", utf8("合作".repeat(3000)), utf8("合作".repeat(1500) + "协作" + "合作".repeat(1499)), 24],
    ["shorter than a block", utf8("abc"), utf8("abd"), 8],
  ];
  it.each(cases)("%s", (_what, base, target, most) => {
    const delta = encodeDelta(base, target);
    expect(Buffer.from(applyDelta(base, delta)).equals(Buffer.from(target))).toBe(true);
    expect(delta.length).toBeLessThanOrEqual(most);
  });
});

describe("applyDelta refuses a delta that does not fit", () => {
  const base = utf8(clause.repeat(10));
  const target = splice(base, 100, 0, utf8("openly "));
  const delta = encodeDelta(base, target);
  it.each([
    ["a truncated delta", base, delta.subarray(0, delta.length - 3)],
    ["a shorter base", base.subarray(0, 200), delta],
    ["an empty delta", base, new Uint8Array()],
    ["a bad number", base, new Uint8Array([0xff, 0xff])],
  ])("%s", (_what, b, d) => {
    expect(() => applyDelta(b, d)).toThrow(RangeError);
  });
});

describe("which versions are stored whole", () => {
  it.each([
    [1, true],
    [2, false],
    [KEYFRAME_EVERY, false],
    [KEYFRAME_EVERY + 1, true],
    [2 * KEYFRAME_EVERY + 1, true],
  ])("version %i is a keyframe: %s", (n, expected) => expect(isKeyframe(n)).toBe(expected));

  it.each([
    ["an ordinary older version", { number: 5, newestNumber: 9, inputBytes: 1000 }, true],
    ["the newest", { number: 9, newestNumber: 9, inputBytes: 1000 }, false],
    ["a keyframe", { number: KEYFRAME_EVERY + 1, newestNumber: 99, inputBytes: 1000 }, false],
    ["too large to work out at all", { number: 5, newestNumber: 9, inputBytes: MAX_DELTA_INPUT_BYTES + 1 }, false],
  ])("%s", (_what, v, expected) => expect(mayStoreAsDelta(v)).toBe(expected));

  it.each([
    [{ wholeBytes: 60_000, deltaBytes: 120 }, true],
    [{ wholeBytes: 400, deltaBytes: 30 }, false],
    [{ wholeBytes: MIN_DELTA_SAVING_BYTES + 10, deltaBytes: 10 }, true],
    [{ wholeBytes: MIN_DELTA_SAVING_BYTES + 10, deltaBytes: 11 }, false],
  ])("%o pays off: %s", (sizes, expected) => expect(deltaPaysOff(sizes)).toBe(expected));
});
