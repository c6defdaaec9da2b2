// Presence (names, colours, carets) is ephemeral but fans out to everyone in a room and is
// sent whole to every newcomer, so it is bounded in size, in total and in rate. A review had one
// user register 300 ids with 15 KB each (every newcomer's join answer became 4.3 MB) and a
// 20-socket flood send 1.26 GB out in 15 s.
import type { Awareness } from "y-protocols/awareness";
import { newBucket, take, type Bucket } from "../../lib/domain/rate-limit.ts";
import { AppError } from "../../lib/errors.ts";

/** One presence state: a name, a colour, a delegation and a selection fit in a few hundred bytes. */
export const MAX_PRESENCE_STATE_BYTES = 2 * 1024;
/** All presence of one room: a join answer stays small (≈ 250 people's carets). */
export const MAX_ROOM_PRESENCE_BYTES = 512 * 1024;
/** Client ids one socket may speak for: a tab has one; a kept document after a reload adds one. */
export const MAX_CLIENT_IDS_PER_SESSION = 8;
/**
 * Presence messages per user, over all their sockets on this node: the editor sends at most
 * one per 50 ms while the caret moves (20/s). Beyond it messages are dropped, not relayed.
 */
export const PRESENCE_RATE = { capacity: 40, perSecond: 20 } as const;

/** Bytes of each client's presence in one room, kept as states come and go. */
export class PresenceSizes {
  private readonly sizes = new Map<number, number>();
  total = 0;

  constructor(awareness: Awareness) {
    awareness.on("change", ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const states = awareness.getStates();
      for (const id of removed) this.set(id, 0);
      for (const id of [...added, ...updated]) this.set(id, JSON.stringify(states.get(id) ?? null).length);
    });
  }

  private set(clientId: number, bytes: number): void {
    this.total += bytes - (this.sizes.get(clientId) ?? 0);
    if (bytes === 0) this.sizes.delete(clientId);
    else this.sizes.set(clientId, bytes);
  }

  /** Refuses an update whose states, once applied, would break a bound. */
  check(incoming: ReadonlyMap<number, number>): void {
    let total = this.total;
    for (const [clientId, bytes] of incoming) {
      if (bytes > MAX_PRESENCE_STATE_BYTES) throw new AppError("TOO_MUCH_PRESENCE", "That presence update is too large.");
      total += bytes - (this.sizes.get(clientId) ?? 0);
    }
    if (total > MAX_ROOM_PRESENCE_BYTES) throw new AppError("TOO_MUCH_PRESENCE");
  }
}

/** Per-user presence rate on this node. Buckets of users gone quiet are dropped on the way. */
export class PresenceRate {
  private readonly buckets = new Map<string, Bucket>();

  allow(userId: string, now: number): boolean {
    let bucket = this.buckets.get(userId);
    if (!bucket) {
      if (this.buckets.size > 10_000) this.sweep(now);
      bucket = newBucket(PRESENCE_RATE.capacity, now);
      this.buckets.set(userId, bucket);
    }
    return take(bucket, PRESENCE_RATE, now);
  }

  private sweep(now: number): void {
    const full = (PRESENCE_RATE.capacity / PRESENCE_RATE.perSecond) * 1000;
    for (const [userId, b] of this.buckets) if (now - b.updatedAt > full) this.buckets.delete(userId);
  }
}
