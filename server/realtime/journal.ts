// Group commit for the document journal: every accepted update waits for the next batch write;
// while one batch is being written, the next one collects, and batches start at most every
// `commitIntervalMs`. A room of typists then costs one transaction per interval instead of one
// per keystroke (each commit writes whole pages to the WAL, however small the rows). Durability
// does not wait on this: an update is acknowledged only once written, and a client resends
// whatever the server lacks when it reconnects.
import type { JournalRow, JournalSink } from "./journal-sinks.ts";
import type { StoredDocument } from "../services/load-document-state.ts";

export type JournalEntry = JournalRow;

/** Bounds one INSERT's size (SQLite's variable limit and memory), not latency. */
export const MAX_JOURNAL_BATCH = 500;
/**
 * The shortest time between the starts of two batches. Adds at most this much to "Saving…"
 * (the persistence target is 250 ms at p95); 50 ms is below what a typist notices.
 */
export const DEFAULT_COMMIT_INTERVAL_MS = 50;

type Waiting = { entry: JournalEntry; resolve: () => void; reject: (e: unknown) => void };

export class JournalWriter {
  private queue: Waiting[] = [];
  /** Batches and rows written so far (for benchmarks and tests). */
  readonly stats = { batches: 0, rows: 0 };
  private flushing: Promise<void> | null = null;
  private lastStartAt = -Infinity;
  private readonly onWritten: (proposalId: string, rows: number) => void;
  private readonly commitIntervalMs: number;

  constructor(
    private readonly sink: JournalSink,
    opts: { onWritten?: (proposalId: string, rows: number) => void; commitIntervalMs?: number } = {},
  ) {
    this.onWritten = opts.onWritten ?? (() => {});
    this.commitIntervalMs = opts.commitIntervalMs ?? DEFAULT_COMMIT_INTERVAL_MS;
  }

  /** Resolves once the entry is committed to the database. */
  append(entry: JournalEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.kick();
    });
  }

  /** Resolves when everything appended so far is written (or failed), without waiting out the interval. */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      this.kick(true);
      await this.flushing;
    }
  }

  close(): void {
    this.sink.close();
  }

  /** A room's stored document (checkpoint + rows), read where the journal is written. */
  read(proposalId: string): Promise<StoredDocument> {
    return this.sink.read(proposalId);
  }

  /** Folds the oldest rows of a proposal's journal into its checkpoint, where the journal is written. */
  compact(proposalId: string): Promise<{ mergedRows: number }> {
    return this.sink.compact(proposalId);
  }

  get queued(): number {
    return this.queue.length;
  }

  private kick(now = false): void {
    if (this.flushing || this.queue.length === 0) return;
    // Never in this turn of the event loop: the relays of the updates just accepted go out
    // first (better-sqlite3 writes synchronously and would hold them), and everything accepted
    // in this turn joins the same batch. A batch right after another waits out the interval.
    const wait = now ? 0 : this.lastStartAt + this.commitIntervalMs - performance.now();
    this.flushing = new Promise<void>((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)))
      .then(() => {
        this.lastStartAt = performance.now();
        return this.flush();
      })
      .finally(() => {
        this.flushing = null;
        this.kick();
      });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.splice(0, MAX_JOURNAL_BATCH);
    try {
      await this.sink.write(batch.map((w) => w.entry));
    } catch (e) {
      for (const w of batch) w.reject(e);
      return;
    }
    this.stats.batches++;
    this.stats.rows += batch.length;
    const perProposal = new Map<string, number>();
    for (const w of batch) {
      perProposal.set(w.entry.proposalId, (perProposal.get(w.entry.proposalId) ?? 0) + 1);
      w.resolve();
    }
    for (const [proposalId, rows] of perProposal) this.onWritten(proposalId, rows);
  }
}
