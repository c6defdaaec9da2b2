import { describe, expect, it } from "vitest";
import { IN_CHUNK_SIZE, findManyInChunks } from "./db-chunks";

const C = IN_CHUNK_SIZE;
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

// [ids given, sizes of the chunks queried]
const cases: Array<[string, number[], number[]]> = [
  ["no ids: no query", [], []],
  ["one id", [7], [1]],
  ["exactly one chunk", range(C), [C]],
  ["one over a chunk", range(C + 1), [C, 1]],
  ["two and a half chunks", range(2 * C + C / 2), [C, C, C / 2]],
  ["duplicates are asked for once", [1, 2, 1, 3, 2, 1], [3]],
];

describe("findManyInChunks", () => {
  it.each(cases)("%s", async (_what, ids, expectedChunks) => {
    const asked: number[][] = [];
    const rows = await findManyInChunks(ids, async (chunk) => {
      asked.push(chunk);
      return chunk.map((id) => ({ id }));
    });
    expect(asked.map((c) => c.length)).toEqual(expectedChunks);
    // Every distinct id asked for exactly once, rows in the order of the ids' first appearance.
    expect(rows.map((r) => r.id)).toEqual([...new Set(ids)]);
  });

  it("asks one chunk at a time, so a transaction client can run it", async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    await findManyInChunks(range(3 * C), async (chunk) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise<void>((r) => setImmediate(r));
      inFlight--;
      return chunk;
    });
    expect(maxInFlight).toBe(1);
  });

  it("passes on a failure of any chunk", async () => {
    await expect(
      findManyInChunks(range(C + 1), async (chunk) => {
        if (chunk.length === 1) throw new Error("second chunk failed");
        return chunk;
      }),
    ).rejects.toThrow("second chunk failed");
  });

  it("returns every row a chunk matches, however many (not only one per id)", async () => {
    const rows = await findManyInChunks(["a", "b"], async (chunk) => chunk.flatMap((id) => range(100_000).map((n) => `${id}${n}`)));
    expect(rows).toHaveLength(200_000);
  });
});
