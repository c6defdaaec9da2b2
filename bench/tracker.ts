// What the load generator knows about every edit: when it was sent, and how many receivers
// have seen it. Fed by the typists (sent) and by every replica (seen); read by the run engine.
// Sender and receivers share this process, so one clock times them.

type EditRecord = { sentAt: number; room: number; seen: number; isMeasured: boolean };

/**
 * Send times of every edit and what receivers saw. Keys are Yjs item ids: `${client}:${clock}`
 * for an inserted character, `d:${client}:${clock}` for the deletion of that character.
 */
export class Tracker {
  readonly edits = new Map<string, EditRecord>();
  readonly latencies: number[] = [];
  readonly persistLags: number[] = [];
  editsInWindow = 0;
  deliveriesInWindow = 0;
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;

  isInWindow(t: number): boolean {
    return t >= this.windowStart && t < this.windowEnd;
  }

  sent(key: string, room: number, sentAt: number): void {
    const isMeasured = this.isInWindow(sentAt);
    if (isMeasured) this.editsInWindow++;
    this.edits.set(key, { sentAt, room, seen: 0, isMeasured });
  }

  /** Called once per (edit, receiver): a Yjs update event only carries what was new to that doc. */
  seen(key: string, now: number): void {
    const rec = this.edits.get(key);
    if (!rec) return; // the initial draft, not an edit of ours
    rec.seen++;
    if (rec.isMeasured) this.latencies.push(now - rec.sentAt);
    if (this.isInWindow(now)) this.deliveriesInWindow++;
  }

  /** Edits that some receiver in their room never saw (receivers = clients in the room − 1). */
  lost(receiversPerRoom: number): { edits: number; deliveries: number } {
    let edits = 0;
    let deliveries = 0;
    for (const rec of this.edits.values()) {
      if (rec.seen < receiversPerRoom) {
        edits++;
        deliveries += receiversPerRoom - rec.seen;
      }
    }
    return { edits, deliveries };
  }
}
