import { afterEach, describe, expect, it, vi } from "vitest";
import { retryingImport } from "./retrying-import";

afterEach(() => void vi.useRealTimers());

describe("retryingImport", () => {
  it("asks again after failures, further apart each time, and loads once it arrives", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const load = retryingImport(async () => {
      calls++;
      if (calls < 4) throw new Error("network");
      return "chunk";
    });
    const result = load();
    await vi.advanceTimersByTimeAsync(999);
    expect(calls).toBe(1);
    await vi.advanceTimersByTimeAsync(1); // 1 s after the first failure
    expect(calls).toBe(2);
    await vi.advanceTimersByTimeAsync(2000); // then 2 s
    expect(calls).toBe(3);
    await vi.advanceTimersByTimeAsync(4000); // then 4 s
    expect(calls).toBe(4);
    await expect(result).resolves.toBe("chunk");
    // One load for every caller, the prefetch and the render alike.
    await expect(load()).resolves.toBe("chunk");
    expect(calls).toBe(4);
  });

  it("never gives up: a chunk still missing after many tries is asked for every 15 s", async () => {
    vi.useFakeTimers();
    let calls = 0;
    const load = retryingImport(async () => {
      calls++;
      throw new Error("network");
    });
    void load();
    await vi.advanceTimersByTimeAsync(1000 + 2000 + 4000 + 8000 + 15_000 * 3);
    expect(calls).toBe(8);
  });
});
