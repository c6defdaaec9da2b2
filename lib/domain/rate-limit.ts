// A token bucket: `capacity` events at once, refilled at `perSecond`. Pure: time is passed in.

export type Bucket = { tokens: number; updatedAt: number };

export function newBucket(capacity: number, now: number): Bucket {
  return { tokens: capacity, updatedAt: now };
}

type Limit = { capacity: number; perSecond: number };

/** Adds the tokens earned since the last look; returns how many there are. Mutates `bucket`. */
export function refill(bucket: Bucket, opts: Limit, now: number): number {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(opts.capacity, bucket.tokens + elapsed * opts.perSecond);
  bucket.updatedAt = Math.max(bucket.updatedAt, now);
  return bucket.tokens;
}

/** Takes `cost` tokens if there are enough; returns whether the event may proceed. Mutates `bucket`. */
export function take(bucket: Bucket, opts: Limit, now: number, cost = 1): boolean {
  if (refill(bucket, opts, now) < cost) return false;
  bucket.tokens -= cost;
  return true;
}
