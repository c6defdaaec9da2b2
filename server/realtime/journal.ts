// Group commit for the document journal: every accepted update waits for the next batch write;
// while one batch is being written, the next one collects. Under load that is one transaction
// per batch instead of one per keystroke; when idle, an update is written at once.
import type { JournalRow, JournalSink } from "./journal-sinks.ts";

export type JournalEntry = JournalRow;

/** Bounds one INSERT's size (SQLite's variable limit and memory), not latency. */
export const MAX_JOURNAL_BATCH = 500;

type Waiting = { entry: JournalEntry; resolve: () => void; reject: (e: unknown) => void };

export class JournalWriter {
  private queue: Waiting[] = [];
  /** Batches and rows written so far (for benchmarks and tests). */
  readonly stats = { batches: 0, rows: 0 };
  private flushing: Promise<void> | null = null;
  private readonly onWritten: (proposalId: string, rows: number) => void;

  constructor(
    private readonly sink: JournalSink,
    opts: { onWritten?: (proposalId: string, rows: number) => void } = {},
  ) {
    this.onWritten = opts.onWritten ?? (() => {});
  }

  /** Resolves once the entry is committed to the database. */
  append(entry: JournalEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ entry, resolve, reject });
      this.kick();
    });
  }

  /** Resolves when everything appended so far is written (or failed). */
  async drain(): Promise<void> {
    while (this.flushing || this.queue.length > 0) {
      this.kick();
      await this.flushing;
    }
  }

  close(): void {
    this.sink.close();
  }

  get queued(): number {
    return this.queue.length;
  }

  private kick(): void {
    if (this.flushing || this.queue.length === 0) return;
    // Start the write on the next turn of the event loop: the relays of the updates just
    // accepted go out first (better-sqlite3 writes synchronously and would hold them), and
    // everything accepted in this turn joins the same batch.
    this.flushing = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.flush())
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
