// Group commit for the document journal: every accepted update waits for the next batch write;
// while one batch is being written, the next one collects, and batches start at most every
// `commitIntervalMs`. A room of typists then costs one transaction per interval instead of one
// per keystroke (each commit writes whole pages to the WAL, however small the rows).
//
// "Saved" means stored: an update is acknowledged only once its batch is committed. A batch that
// fails (database locked by another process, connections refused) stays at the head of the
// queue and is retried with back-off, in order, for as long as the process lives — the room
// already holds and relays these updates, so dropping one would leave the room's memory and the
// database disagreeing with nobody resending it. What bounds an outage is memory: once
// MAX_UNWRITTEN_BYTES wait, new updates are refused before they are applied (`canAccept`), and
// their senders keep them and resend later.
import type { JournalRow, JournalSink } from "./journal-sinks.ts";
import type { StoredDocument } from "./load-document.ts";
import type { Tx } from "../../lib/db.ts";
import { isStorageUnavailable } from "../../lib/storage-errors.ts";

export type JournalEntry = JournalRow;

/** Bounds one INSERT's size (SQLite's variable limit and memory), not latency. */
export const MAX_JOURNAL_BATCH = 500;
/**
 * The shortest time between the starts of two batches; an update arriving after a quiet spell
 * is written at once. Adds at most this much to "Saving…". At 50 ms the figure a delegate
 * sees was ~50 ms at p95, slower than a store that writes every keystroke at once (Hocuspocus
 * saving per update, ~16 ms); at 10 ms it is ~12 ms, and the extra commits (one SQLite
 * transaction in WAL mode, no fsync) did not show in the server's CPU at P2
 * (BENCHMARKS.md). A thousand typing rooms still cost at most 100 transactions a second.
 */
export const DEFAULT_COMMIT_INTERVAL_MS = 10;
/**
 * Unwritten updates the process holds during a storage outage. A room of 50 typists sends
 * ~1,500 small updates a second (~0.5 MB/s with overheads): 64 MB rides out minutes.
 */
export const MAX_UNWRITTEN_BYTES = 64 * 1024 * 1024;
/** What an entry costs beyond its update's bytes (ids, promise, queue slot), for the bound above. */
const ENTRY_OVERHEAD_BYTES = 256;
/** Retry back-off after a failed write: doubling from the first to the last. */
const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 2000;
/**
 * A failure that is not about the storage being unavailable (a constraint, say) may be one bad
 * row: after this many attempts the batch is written row by row, and a row that still fails
 * this often is given up (its room is reloaded from the database; its sender resends).
 */
const ATTEMPTS_BEFORE_ISOLATING = 3;

/** An update the database refused: its proposal was locked, put to the vote or archived first. */
export class JournalRefusedError extends Error {
  constructor(readonly proposalId: string) {
    super(`proposal ${proposalId} is no longer open to drafting`);
  }
}

type Waiting = { entry: JournalEntry; bytes: number; seq: number; resolve: () => void; reject: (e: unknown) => void };

export type JournalHooks = {
  onWritten?: (proposalId: string, rows: number) => void;
  /** An update that could not be stored and was given up: the room must not keep it in memory. */
  onGivenUp?: (entry: JournalEntry, error: unknown) => void;
  commitIntervalMs?: number;
};

export class JournalWriter {
  private queue: Waiting[] = [];
  private unwrittenBytes = 0;
  /** Batches and rows written so far, and failed attempts (for benchmarks and tests). */
  readonly stats = { batches: 0, rows: 0, failures: 0, givenUp: 0 };
  private flushing: Promise<void> | null = null;
  private lastStartAt = -Infinity;
  private appended = 0;
  /** Every entry with seq ≤ settled is written (or given up). */
  private settled = 0;
  private settledWaiters: Array<{ seq: number; resolve: () => void }> = [];
  private consecutiveFailures = 0;
  /** Rows still to be written one at a time after a batch failed for a reason of its own. */
  private isolateRemaining = 0;
  private readonly hooks: JournalHooks;
  private readonly commitIntervalMs: number;

  constructor(
    private readonly sink: JournalSink,
    hooks: JournalHooks = {},
  ) {
    this.hooks = hooks;
    this.commitIntervalMs = hooks.commitIntervalMs ?? DEFAULT_COMMIT_INTERVAL_MS;
  }

  /** Whether an update of this size may be accepted now (false while an outage fills memory). */
  canAccept(updateBytes: number): boolean {
    return this.unwrittenBytes + updateBytes + ENTRY_OVERHEAD_BYTES <= MAX_UNWRITTEN_BYTES;
  }

  /** True while the last write attempt failed (the editor says "Not saved — retrying"). */
  get isFailing(): boolean {
    return this.consecutiveFailures > 0;
  }

  /** Queues the entry now (order is kept); resolves once it is committed to the database. */
  append(entry: JournalEntry): Promise<void> {
    return new Promise((resolve, reject) => {
      const bytes = entry.update.byteLength + ENTRY_OVERHEAD_BYTES;
      this.unwrittenBytes += bytes;
      this.queue.push({ entry, bytes, seq: ++this.appended, resolve, reject });
      this.kick();
    });
  }

  /**
   * Resolves once everything appended before the call is written (or given up), without waiting
   * out the commit interval. Later appends do not hold it up, however busy other rooms are.
   */
  drain(): Promise<void> {
    const target = this.appended;
    if (this.settled >= target) return Promise.resolve();
    const done = new Promise<void>((resolve) => this.settledWaiters.push({ seq: target, resolve }));
    this.kick(true);
    return done;
  }

  close(): void {
    this.sink.close();
  }

  /** A room's stored document (checkpoint + rows), read where the journal is written. */
  read(proposalId: string): Promise<StoredDocument> {
    return this.sink.read(proposalId);
  }

  /** The stored document read in `tx` with the proposal's row locked against journal writes (JournalSink.readLocked). */
  readLocked(tx: Tx, proposalId: string): Promise<StoredDocument> {
    return this.sink.readLocked(tx, proposalId);
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
    // in this turn joins the same batch. A batch right after another waits out the interval;
    // after a failure, the back-off.
    const backoff = this.consecutiveFailures > 0 ? Math.min(FIRST_RETRY_MS * 2 ** (this.consecutiveFailures - 1), MAX_RETRY_MS) : 0;
    const wait = Math.max(now && backoff === 0 ? 0 : this.lastStartAt + this.commitIntervalMs - performance.now(), backoff);
    this.flushing = new Promise<void>((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)))
      .then(() => {
        this.lastStartAt = performance.now();
        return this.flush();
      })
      .finally(() => {
        this.flushing = null;
        this.kick(this.settledWaiters.length > 0);
      });
  }

  private async flush(): Promise<void> {
    const batch = this.queue.slice(0, this.isolateRemaining > 0 ? 1 : MAX_JOURNAL_BATCH);
    let refused: ReadonlySet<string> | undefined;
    try {
      refused = (await this.sink.write(batch.map((w) => w.entry)))?.refused;
    } catch (e) {
      this.onFailure(batch, e);
      return;
    }
    if (this.consecutiveFailures > 0) console.error(`journal: write succeeded again after ${this.consecutiveFailures} failed attempt(s)`);
    this.consecutiveFailures = 0;
    if (this.isolateRemaining > 0) this.isolateRemaining--;
    this.queue.splice(0, batch.length);
    this.stats.batches++;
    this.stats.rows += batch.length;
    const perProposal = new Map<string, number>();
    for (const w of batch) {
      this.settle(w);
      if (refused?.has(w.entry.proposalId)) {
        this.refuse(w);
        continue;
      }
      perProposal.set(w.entry.proposalId, (perProposal.get(w.entry.proposalId) ?? 0) + 1);
      w.resolve();
    }
    for (const [proposalId, rows] of perProposal) this.hooks.onWritten?.(proposalId, rows);
  }

  /**
   * The database refused the entry: its proposal is no longer open to drafting (a lock or vote
   * this node heard of late). Not retried; its room must drop it like any given-up update.
   */
  private refuse(w: Waiting): void {
    const e = new JournalRefusedError(w.entry.proposalId);
    this.stats.givenUp++;
    w.reject(e);
    this.hooks.onGivenUp?.(w.entry, e);
  }

  private onFailure(batch: Waiting[], e: unknown): void {
    this.consecutiveFailures++;
    this.stats.failures++;
    const attempt = this.consecutiveFailures;
    // One line per outage and then every tenth attempt: an outage must not flood the log.
    if (attempt === 1 || attempt % 10 === 0) {
      console.error(`journal: write of ${batch.length} update(s) failed (attempt ${attempt}), retrying:`, (e as Error)?.message ?? e);
    }
    if (isStorageUnavailable(e) || attempt < ATTEMPTS_BEFORE_ISOLATING) return;
    if (batch.length > 1) {
      this.isolateRemaining = batch.length;
      this.consecutiveFailures = 0;
      return;
    }
    if (batch.length === 1) {
      // This one row cannot be stored: give it up rather than hold every room's writes behind it.
      const [w] = this.queue.splice(0, 1);
      this.consecutiveFailures = 0;
      if (this.isolateRemaining > 0) this.isolateRemaining--;
      this.stats.givenUp++;
      console.error(`journal: gave up an update of proposal ${w!.entry.proposalId}:`, (e as Error)?.message ?? e);
      this.settle(w!);
      w!.reject(e);
      this.hooks.onGivenUp?.(w!.entry, e);
    }
  }

  private settle(w: Waiting): void {
    this.unwrittenBytes -= w.bytes;
    this.settled = w.seq;
    if (this.settledWaiters.length === 0) return;
    this.settledWaiters = this.settledWaiters.filter((s) => {
      if (s.seq > this.settled) return true;
      s.resolve();
      return false;
    });
  }
}
