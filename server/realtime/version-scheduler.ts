// Automatic versions: a burst of editing gets one once the text has been quiet for a while, and
// continuous editing gets one at least every few minutes, so history never has long gaps.
// One timer for every room, not one per keystroke.
import type { Room } from "./room.ts";

/** After a failed automatic version, the room waits this long before the next try (not every scan). */
const RETRY_AFTER_FAILURE_MS = 30_000;

export type VersionTiming = { autoVersionIdleMs: number; autoVersionMaxMs: number; versionScanMs: number };

export function isVersionDue(room: Room, now: number, timing: VersionTiming): boolean {
  if (room.firstUnversionedEditAt === null || room.isCuttingVersion || now < room.versionRetryAt) return false;
  return now - room.lastEditAt >= timing.autoVersionIdleMs || now - room.firstUnversionedEditAt >= timing.autoVersionMaxMs;
}

export function scheduleAutoVersions(rooms: () => Iterable<Room>, cut: (room: Room) => Promise<unknown>, timing: VersionTiming): () => void {
  let isScanning = false;
  const timer = setInterval(() => {
    // A scan that still waits (e.g. for a database outage to end) is not started twice.
    if (isScanning) return;
    isScanning = true;
    void (async () => {
      for (const room of [...rooms()]) {
        if (!isVersionDue(room, Date.now(), timing)) continue;
        try {
          await cut(room);
        } catch (e) {
          room.versionRetryAt = Date.now() + RETRY_AFTER_FAILURE_MS;
          console.error(`automatic version of ${room.proposalId} failed:`, (e as Error)?.message ?? e);
        }
      }
    })().finally(() => (isScanning = false));
  }, timing.versionScanMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
