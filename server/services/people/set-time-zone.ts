import type { Db } from "../../../lib/db.ts";
import { normalizeTimeZone } from "../../../lib/domain/time-zone.ts";
import { AppError } from "../../../lib/errors.ts";

/**
 * Sets the zone the interface shows times in (self-scoped). `onlyIfUnset`: the browser's zone,
 * detected at the first sign-in, never overrides one the person chose.
 */
export async function setTimeZone(opts: { db: Db; userId: string | null; timeZone: string; onlyIfUnset?: boolean }): Promise<{ timeZone: string; changed: boolean }> {
  if (!opts.userId) throw new AppError("UNAUTHENTICATED");
  const timeZone = normalizeTimeZone(opts.timeZone);
  if (!timeZone) throw new AppError("INVALID_INPUT", "Choose a time zone from the list.");
  const { count } = await opts.db.user.updateMany({
    where: { id: opts.userId, ...(opts.onlyIfUnset ? { timeZone: null } : {}) },
    data: { timeZone },
  });
  return { timeZone, changed: count > 0 };
}
