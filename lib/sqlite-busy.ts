// Waiting for a locked SQLite database without blocking the event loop (see lib/sqlite-adapter.ts).

/**
 * How long one statement or transaction start waits for another process's write lock before it
 * fails. Longer than the seconds a backup or a maintenance script holds the lock; short enough
 * that a page answers with a clear "try again" rather than hanging.
 */
export const SQLITE_LOCK_WAIT_MS = 15_000;
const FIRST_RETRY_MS = 5;
const MAX_RETRY_MS = 250;

/** SQLITE_BUSY and its extended codes (…_SNAPSHOT, …_RECOVERY, …_TIMEOUT), and SQLITE_LOCKED. */
export function isSqliteBusy(e: unknown): boolean {
  const codes = [(e as { code?: unknown })?.code, (e as { cause?: { originalCode?: unknown } })?.cause?.originalCode];
  return codes.some((c) => typeof c === "string" && (c.startsWith("SQLITE_BUSY") || c.startsWith("SQLITE_LOCKED")));
}

/** Runs `work`; while it fails because the database is locked, waits (asynchronously) and retries. */
export async function retryWhileBusy<T>(work: () => Promise<T> | T, maxWaitMs = SQLITE_LOCK_WAIT_MS): Promise<T> {
  const deadline = performance.now() + maxWaitMs;
  let delay = FIRST_RETRY_MS;
  for (;;) {
    try {
      return await work();
    } catch (e) {
      if (!isSqliteBusy(e) || performance.now() + delay > deadline) throw e;
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, MAX_RETRY_MS);
    }
  }
}
