import { describe, expect, it } from "vitest";
import { defaultComparePair } from "./compare-pair";

// Versions newest first as "number:text", the expected pair (from → to) and isIdentical.
const rows: Array<[string, string[], [number, number] | null, boolean]> = [
  ["no versions", [], null, false],
  ["a lone version compares with itself", ["1:a"], [1, 1], true],
  ["two different texts", ["2:b", "1:a"], [1, 2], false],
  ["a VOTE version right after a NAMED one with the same text", ["3:b", "2:b", "1:a"], [1, 3], false],
  ["several identical in a row", ["5:c", "4:c", "3:c", "2:b", "1:a"], [2, 5], false],
  ["the change is the previous version", ["4:c", "3:b", "2:b", "1:a"], [3, 4], false],
  ["every text the same: fall back to the one just before", ["3:a", "2:a", "1:a"], [2, 3], true],
  ["a text changed and changed back still differs from the one between", ["3:a", "2:b", "1:a"], [2, 3], false],
  ["whitespace is a difference (texts compare exactly)", ["2:a ", "1:a"], [1, 2], false],
  ["gaps in numbering (a later page of the history)", ["9:x", "7:x", "4:y"], [4, 9], false],
];

describe("defaultComparePair", () => {
  it.each(rows)("%s", (_name, spec, pair, isIdentical) => {
    const versions = spec.map((s) => {
      const [n, ...text] = s.split(":");
      return { number: Number(n), text: text.join(":") };
    });
    const got = defaultComparePair(versions);
    expect(got && [got.from, got.to]).toEqual(pair);
    if (got) expect(got.isIdentical).toBe(isIdentical);
  });
});
