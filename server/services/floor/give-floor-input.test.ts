import { describe, expect, it } from "vitest";
import { GiveFloorInput } from "./speaking-queue";

// The bounds the chair's form offers (lib/domain/speaking-time.ts), written out by hand.
describe("GiveFloorInput.limitSeconds", () => {
  it.each<[unknown, number | null]>([
    [undefined, 180],
    [15, 15],
    [14, null],
    [1800, 1800],
    [1801, null],
    ["120", 120],
    [90.5, null],
  ])("%j → %s", (limitSeconds, expected) => {
    const parsed = GiveFloorInput.safeParse({ requestId: "r1", limitSeconds });
    expect(parsed.success ? parsed.data.limitSeconds : null).toBe(expected);
  });
});
