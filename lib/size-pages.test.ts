import { describe, expect, it } from "vitest";
import { pagesBySize } from "./size-pages";

const sized = (...bytes: number[]) => bytes.map((b, i) => ({ id: i + 1, bytes: b }));
const ids = (pages: Array<Array<{ id: number }>>) => pages.map((p) => p.map((x) => x.id));

// [what, sizes, maxRows, maxBytes, expected pages as ids]
const cases: Array<[string, number[], number, number, number[][]]> = [
  ["nothing to page", [], 3, 100, []],
  ["all fit in one page", [10, 20, 30], 3, 100, [[1, 2, 3]]],
  ["the row bound splits small items", [1, 1, 1, 1, 1, 1, 1], 3, 100, [[1, 2, 3], [4, 5, 6], [7]]],
  ["the byte bound splits before the row bound", [40, 40, 40, 40], 10, 100, [[1, 2], [3, 4]]],
  ["exactly the byte bound still fits", [50, 50, 50], 10, 100, [[1, 2], [3]]],
  ["an item over the byte bound is read alone", [10, 250, 10], 10, 100, [[1], [2], [3]]],
  ["two oversized items in a row are each alone", [300, 300], 10, 100, [[1], [2]]],
  ["empty texts count against rows only", [0, 0, 0, 0], 2, 1, [[1, 2], [3, 4]]],
  ["one row per page", [5, 5, 5], 1, 100, [[1], [2], [3]]],
];

describe("pagesBySize", () => {
  it.each(cases)("%s", (_what, sizes, maxRows, maxBytes, expected) => {
    const pages = pagesBySize(sized(...sizes), { maxRows, maxBytes });
    expect(ids(pages)).toEqual(expected);
    // Whatever the input: order kept, nothing lost, every bound held (a lone oversized item aside).
    expect(pages.flat().map((x) => x.id)).toEqual(sized(...sizes).map((x) => x.id));
    for (const page of pages) {
      expect(page.length).toBeGreaterThan(0);
      expect(page.length).toBeLessThanOrEqual(maxRows);
      if (page.length > 1) expect(page.reduce((n, x) => n + x.bytes, 0)).toBeLessThanOrEqual(maxBytes);
    }
  });

  it.each([
    [0, 10],
    [2.5, 10],
    [2, 0],
    [2, Number.NaN],
  ])("refuses maxRows %s with maxBytes %s", (maxRows, maxBytes) => {
    expect(() => pagesBySize(sized(1), { maxRows, maxBytes })).toThrow(RangeError);
  });
});
