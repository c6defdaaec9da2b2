import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CARET_IDLE_CLASS, CARET_LABEL_IDLE_MS, movedCarets, wakeCaret } from "./caret-activity";

describe("movedCarets", () => {
  const cursor = (n: number) => ({ anchor: { n }, head: { n } });

  it("reports carets that arrived or moved, never one's own", () => {
    const first = movedCarets(new Map(), new Map([[1, { cursor: cursor(1) }], [2, { cursor: cursor(5) }], [9, { cursor: cursor(3) }]]), 9);
    expect(first.moved).toEqual([1, 2]);
    const second = movedCarets(first.cursors, new Map([[1, { cursor: cursor(1) }], [2, { cursor: cursor(6) }]]), 9);
    expect(second.moved).toEqual([2]);
  });

  it("ignores presence without a caret and heartbeats that resend the same one", () => {
    const a = movedCarets(new Map(), new Map([[1, { cursor: cursor(1) }], [2, { user: {} }], [3, null]]), 9);
    expect(a.moved).toEqual([1]);
    expect(movedCarets(a.cursors, new Map([[1, { cursor: cursor(1), user: { name: "x" } }]]), 9).moved).toEqual([]);
  });
});

describe("wakeCaret", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function fakeCaret() {
    const classes = new Set<string>();
    return {
      classes,
      el: { classList: { add: (c: string) => classes.add(c), remove: (c: string) => classes.delete(c) } },
    };
  }

  it("fades the flag after the idle time and shows it again when the caret moves", () => {
    const { el, classes } = fakeCaret();
    wakeCaret(el);
    vi.advanceTimersByTime(CARET_LABEL_IDLE_MS - 1);
    expect(classes.has(CARET_IDLE_CLASS)).toBe(false);
    vi.advanceTimersByTime(1);
    expect(classes.has(CARET_IDLE_CLASS)).toBe(true);
    wakeCaret(el);
    expect(classes.has(CARET_IDLE_CLASS)).toBe(false);
  });

  it("restarts the idle time on every move", () => {
    const { el, classes } = fakeCaret();
    wakeCaret(el);
    vi.advanceTimersByTime(CARET_LABEL_IDLE_MS - 100);
    wakeCaret(el);
    vi.advanceTimersByTime(CARET_LABEL_IDLE_MS - 100);
    expect(classes.has(CARET_IDLE_CLASS)).toBe(false);
    vi.advanceTimersByTime(100);
    expect(classes.has(CARET_IDLE_CLASS)).toBe(true);
  });
});
