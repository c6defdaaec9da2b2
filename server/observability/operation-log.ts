// The last few synchronous operations this process ran (name, room, start, end), so that when
// the event loop was blocked the watchdog can say by what. `timed` sits on hot paths (every
// applied update), so the log is preallocated parallel arrays: recording writes four slots and
// allocates nothing.
//
// Process-wide through globalThis: services called from Next's route handlers run from Next's
// own bundle (a second copy of this module) and must write into the same log the watchdog,
// started by the custom server, reads.

/** Enough for the operations of one blocked stretch; older ones have long been reported or are irrelevant. */
export const OPERATION_LOG_SIZE = 64;

type OperationLog = {
  names: string[];
  rooms: Array<string | null>;
  starts: Float64Array;
  ends: Float64Array;
  /** Total recorded so far; the next slot is `written % OPERATION_LOG_SIZE`. */
  written: number;
};

export type TrackedOperation = { operation: string; room: string | null; start: number; end: number };

const holder = globalThis as unknown as { accordOperationLog?: OperationLog };
const log: OperationLog = (holder.accordOperationLog ??= {
  names: new Array<string>(OPERATION_LOG_SIZE).fill(""),
  rooms: new Array<string | null>(OPERATION_LOG_SIZE).fill(null),
  starts: new Float64Array(OPERATION_LOG_SIZE),
  ends: new Float64Array(OPERATION_LOG_SIZE),
  written: 0,
});

/**
 * Runs `fn` and records how long it took under `operation` (a fixed name such as "apply-update")
 * and `room` (a string the caller already has, e.g. a room key; null when none applies), so a
 * blocked event loop can be attributed. Synchronous work only: time spent awaiting is not
 * blocking and must not be recorded as if it were.
 */
export function timed<T>(operation: string, room: string | null, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    const slot = log.written % OPERATION_LOG_SIZE;
    log.names[slot] = operation;
    log.rooms[slot] = room;
    log.starts[slot] = start;
    log.ends[slot] = performance.now();
    log.written++;
  }
}

/** The recorded operations that ran at some point in (from, to) (performance.now() times), longest first. */
export function operationsOverlapping(from: number, to: number): TrackedOperation[] {
  const found: TrackedOperation[] = [];
  const count = Math.min(log.written, OPERATION_LOG_SIZE);
  for (let i = 0; i < count; i++) {
    const start = log.starts[i]!;
    const end = log.ends[i]!;
    if (end > from && start < to) found.push({ operation: log.names[i]!, room: log.rooms[i] ?? null, start, end });
  }
  return found.sort((a, b) => b.end - b.start - (a.end - a.start));
}
