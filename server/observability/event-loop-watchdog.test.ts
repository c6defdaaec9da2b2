// The detector against a really blocked loop (one busy-wait of 1.3 s): few, fast, and about
// behaviour — a stretch that long must be reported with what ran, whatever the machine.
import { afterEach, describe, expect, it, vi } from "vitest";
import { BLOCKED_LOOP_THRESHOLD_MS, CHECK_INTERVAL_MS, describeGap, eventLoopWatchdog, startEventLoopWatchdog, timed, type EventLoopWatchdog } from "./event-loop-watchdog.ts";
import { operationsOverlapping } from "./operation-log.ts";

/** Longer than the threshold plus one tick: caught wherever in a tick it starts. */
const BLOCK_MS = BLOCKED_LOOP_THRESHOLD_MS + CHECK_INTERVAL_MS + 50;
/** Long enough for the watchdog's tick and the delay sampler to run after the block. */
const AFTER_BLOCK_MS = CHECK_INTERVAL_MS + 150;

/** Wall-clock spin, as a long synchronous job holds the loop. */
function busyWait(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) {
    // spin: the point is to hold the event loop
  }
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

describe("event-loop watchdog", () => {
  let watchdog: EventLoopWatchdog | null = null;
  afterEach(() => {
    watchdog?.stop();
    watchdog = null;
  });

  it("reports a blocked loop once, naming the tracked operation, and counts it in the stats", async () => {
    const lines: string[] = [];
    watchdog = startEventLoopWatchdog({ log: (line) => lines.push(line) });
    await sleep(AFTER_BLOCK_MS);
    const value = timed("test-op", "room-1", () => {
      busyWait(BLOCK_MS);
      return 42;
    });
    expect(value).toBe(42);
    await sleep(AFTER_BLOCK_MS);

    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^event loop blocked \d+ ms \(process CPU \d+ ms\): test-op \(room-1\) \d+ ms$/);
    expect(watchdog.stats().maxMs).toBeGreaterThanOrEqual(1_000);
    expect(watchdog.stats().recentMaxMs).toBeGreaterThanOrEqual(watchdog.stats().maxMs);
    expect(eventLoopWatchdog()).toBe(watchdog);
  });

  it("lists the operations of a gap longest first, and says so when none was tracked", () => {
    // A controlled clock: the order must not depend on how a loaded machine schedules the test.
    let clock = 1e9;
    const now = vi.spyOn(performance, "now").mockImplementation(() => clock);
    try {
      const from = clock;
      timed("short-op", "room-1", () => void (clock += 2));
      timed("long-op", null, () => void (clock += 10));
      expect(() =>
        timed("failing-op", "room-2", () => {
          clock += 1;
          throw new Error("boom");
        }),
      ).toThrow("boom");
      const ops = operationsOverlapping(from, clock);
      expect(ops.map((o) => o.operation)).toEqual(["long-op", "short-op", "failing-op"]);
      expect(describeGap(1432, null, ops.slice(0, 2))).toBe("event loop blocked 1432 ms: long-op 10 ms, short-op (room-1) 2 ms");
      expect(describeGap(1432, 12, [])).toBe("event loop blocked 1432 ms (process CPU 12 ms): no tracked operation");
    } finally {
      now.mockRestore();
    }
  });
});
