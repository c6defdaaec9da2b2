// A counting semaphore with a bounded queue, for work that is heavy enough that running many at
// once hurts everyone (a verify reading a whole history). Admission is decided synchronously, so a
// caller beyond the queue is told "busy" at once instead of piling up behind the others.

/** Gives the slot back; calling it again does nothing. */
export type Leave = () => void;

export class BoundedSemaphore {
  private running = 0;
  private readonly waiting: Array<(leave: Leave) => void> = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
    if (!Number.isInteger(maxWaiting) || maxWaiting < 0) throw new RangeError(`maxWaiting must be a non-negative integer, got ${maxWaiting}`);
  }

  /** How many hold a slot, and how many wait for one. */
  get counts(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * A slot now (or once one frees up, in order of arrival); null when the queue is full, so the
   * caller can refuse. Always pair the slot with `leave()` in a `finally`.
   */
  enter(): Promise<Leave> | null {
    if (this.running < this.limit) {
      this.running++;
      return Promise.resolve(this.leaveOnce());
    }
    if (this.waiting.length >= this.maxWaiting) return null;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private leaveOnce(): Leave {
    let hasLeft = false;
    return () => {
      if (hasLeft) return;
      hasLeft = true;
      const next = this.waiting.shift();
      // Hand the slot straight to the next in line: a newcomer cannot overtake the queue.
      if (next) next(this.leaveOnce());
      else this.running--;
    };
  }
}
