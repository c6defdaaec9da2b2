// When a room folds its journal into a checkpoint: every `compactAfterRows` rows written (loads
// stay in tens of ms), one compaction per room at a time, and after a failure not before a pause.
import type { JournalWriter } from "../document-store/journal.ts";
import type { Room } from "./room.ts";

/** Back-off after a failed compaction: the journal is complete as it is, so waiting costs nothing. */
const COMPACT_RETRY_MS = 30_000;

export class CompactionScheduler {
  constructor(
    private readonly journal: JournalWriter,
    private readonly compactAfterRows: number,
  ) {}

  noteWritten(room: Room, rows: number): void {
    room.journalRows += rows;
    if (room.journalRows >= this.compactAfterRows && !room.isCompacting && Date.now() >= room.compactNotBefore) void this.compact(room);
  }

  async compact(room: Room): Promise<void> {
    if (room.isCompacting) return;
    room.isCompacting = true;
    try {
      const { mergedRows } = await this.journal.compact(room.proposalId);
      room.journalRows = Math.max(0, room.journalRows - mergedRows);
    } catch (e) {
      // The journal stays as it is (still complete); try again later, not on every write.
      room.compactNotBefore = Date.now() + COMPACT_RETRY_MS;
      console.error(`compaction of ${room.proposalId} failed:`, (e as Error)?.message ?? e);
    } finally {
      room.isCompacting = false;
    }
  }
}
