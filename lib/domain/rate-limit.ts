// A token bucket: `capacity` events at once, refilled at `perSecond`. Pure: time is passed in.

export type Bucket = { tokens: number; updatedAt: number };

export function newBucket(capacity: number, now: number): Bucket {
  return { tokens: capacity, updatedAt: now };
}

/** Takes `cost` tokens if there are enough; returns whether the event may proceed. Mutates `bucket`. */
export function take(bucket: Bucket, opts: { capacity: number; perSecond: number }, now: number, cost = 1): boolean {
  const elapsed = Math.max(0, now - bucket.updatedAt) / 1000;
  bucket.tokens = Math.min(opts.capacity, bucket.tokens + elapsed * opts.perSecond);
  bucket.updatedAt = Math.max(bucket.updatedAt, now);
  if (bucket.tokens < cost) return false;
  bucket.tokens -= cost;
  return true;
}
