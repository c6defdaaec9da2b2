import { describe, expect, it } from "vitest";
import { BoundedSemaphore, type Leave } from "./semaphore";

/** Lets every settled promise's callbacks run. */
const settle = () => new Promise<void>((r) => setImmediate(r));

// [limit, maxWaiting, callers arriving at once] → [running, waiting, refused]
const admissions: Array<[number, number, number, [number, number, number]]> = [
  [2, 3, 1, [1, 0, 0]],
  [2, 3, 2, [2, 0, 0]],
  [2, 3, 4, [2, 2, 0]],
  [2, 3, 5, [2, 3, 0]],
  [2, 3, 6, [2, 3, 1]],
  [2, 3, 9, [2, 3, 4]],
  [1, 0, 3, [1, 0, 2]],
  [3, 1, 3, [3, 0, 0]],
];

describe("BoundedSemaphore admission", () => {
  it.each(admissions)("limit %i, queue %i, %i callers at once", async (limit, maxWaiting, callers, [running, waiting, refused]) => {
    const gate = new BoundedSemaphore(limit, maxWaiting);
    const turns = Array.from({ length: callers }, () => gate.enter());
    expect(turns.filter((t) => t === null)).toHaveLength(refused);
    expect(gate.counts).toEqual({ running, waiting });
  });

  it.each([
    [0, 1],
    [1.5, 1],
    [1, -1],
  ])("refuses limit %s with queue %s", (limit, maxWaiting) => {
    expect(() => new BoundedSemaphore(limit, maxWaiting)).toThrow(RangeError);
  });
});

describe("BoundedSemaphore hand-off", () => {
  it("hands freed slots to waiters in order of arrival, never more than the limit at once", async () => {
    const gate = new BoundedSemaphore(2, 10);
    const order: number[] = [];
    const leaves = new Map<number, Leave>();
    for (let i = 0; i < 5; i++) {
      void gate.enter()!.then((leave) => {
        order.push(i);
        leaves.set(i, leave);
      });
    }
    await settle();
    expect(order).toEqual([0, 1]);
    leaves.get(1)!();
    await settle();
    expect(order).toEqual([0, 1, 2]);
    expect(gate.counts).toEqual({ running: 2, waiting: 2 });
    leaves.get(0)!();
    leaves.get(2)!();
    await settle();
    expect(order).toEqual([0, 1, 2, 3, 4]);
    leaves.get(3)!();
    leaves.get(4)!();
    expect(gate.counts).toEqual({ running: 0, waiting: 0 });
  });

  it("ignores a second leave() from the same holder", async () => {
    const gate = new BoundedSemaphore(1, 1);
    const leave = await gate.enter()!;
    const second = gate.enter()!;
    leave();
    leave();
    const leaveSecond = await second;
    expect(gate.counts).toEqual({ running: 1, waiting: 0 });
    // A stray repeat must not have freed a slot the second holder still has.
    expect(gate.enter()).not.toBeNull();
    expect(gate.counts).toEqual({ running: 1, waiting: 1 });
    leaveSecond();
  });

  it("does not let a newcomer overtake the queue when a slot frees", async () => {
    const gate = new BoundedSemaphore(1, 2);
    const first = await gate.enter()!;
    const order: string[] = [];
    void gate.enter()!.then(() => order.push("queued"));
    first();
    void gate.enter()!.then(() => order.push("newcomer"));
    await settle();
    expect(order).toEqual(["queued"]);
  });
});
