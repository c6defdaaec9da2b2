// The typing path of "Amendments only": a delegate revising their own open amendment, once per
// keystroke (or per few, as the tab coalesces them). It goes the way a Yjs update does in
// Room.accept, not through the use case (put-amendment.ts, 13 SQL statements a put):
//
//   authorize from the room session (role, delegation, state, archived — kept current by the
//   access re-check and the state relays) → resolve the anchors in the room's turn → build the
//   view from the room's cache (amendment-cache.ts) → relay it at once to this node's members
//   (one pre-encoded frame, fan-out.ts) and to the other nodes → store it in the next group
//   commit → acknowledge once stored.
//
// Anything else — a new amendment, a discard, a reason change, an amendment others have taken a
// stance on, one the cache does not know, any refusal — takes the slow path (putAmendment), which
// reads the database and names the refusal. The write is conditional (still OPEN, still the
// caller's, the proposal still DRAFTING): a revision that lost a race to a decision or a lock is
// refused (NOT_OPEN / WRONG_STATE) and every tab is sent the amendment as stored.
import { sameBytes } from "../../lib/bytes.ts";
import { decide } from "../../lib/domain/access.ts";
import { MAX_AMENDMENT_TEXT_CHARS, mayRevise, storedReason } from "../../lib/domain/amendments.ts";
import { hasLineBreak, resolveSpan } from "../../lib/document/anchors.ts";
import { unitKeyOfText } from "../../lib/document/clauses.ts";
import { AppError } from "../../lib/errors.ts";
import type { AmendmentView } from "../../lib/protocol.ts";
import { isStorageUnavailable } from "../../lib/storage-errors.ts";
import type { Revision, RevisionOutcome, RevisionStore } from "../services/amendments/store-revisions.ts";
import type { Room, Session } from "./room.ts";

/** The switch: false sends every put down the slow path (putAmendment). */
export const AMENDMENT_FAST_PATH = true;

/** The shortest time between two revision batches, as the journal's (journal.ts): adds at most this to "Saving…". */
export const REVISION_COMMIT_INTERVAL_MS = 50;
/**
 * Amendments whose latest revision waits to be stored, on this node. A tab has one put in flight
 * per amendment and revisions of one amendment replace each other while they wait, so a room of
 * 50 typists holds at most 50; 2,000 is 40 such rooms, and bounds an outage's memory at ~80 MB in
 * the worst case (each revision holds a passage and a text of up to 10,000 characters). Past it,
 * puts are answered UNAVAILABLE before anything is relayed; the tabs keep them and resend.
 */
export const MAX_PENDING_REVISIONS = 2000;
/**
 * How long a put waits for its revision to be stored before it is answered UNAVAILABLE. The
 * revision stays queued (the room has seen it); the tab resends, which is idempotent.
 */
export const MAX_REVISION_WAIT_MS = 5000;
/** Revisions per transaction: about two statements each; bounds a transaction, not latency. */
const MAX_REVISION_BATCH = 200;
/** Retry back-off after a failed write, as the journal's. */
const FIRST_RETRY_MS = 50;
const MAX_RETRY_MS = 2000;
/** A failure that is not the storage being unavailable gets this many attempts, then the batch is given up. */
const ATTEMPTS_BEFORE_GIVING_UP = 3;

type Waiter = { resolve: (view: AmendmentView) => void; reject: (e: unknown) => void; timer: ReturnType<typeof setTimeout> | null };
type Pending = { revision: Revision; view: AmendmentView; waiters: Set<Waiter> };

/**
 * Group commit for revisions (journal.ts's, for amendments): revisions queue up and are written
 * at most every REVISION_COMMIT_INTERVAL_MS in one transaction; a later revision of the same
 * amendment replaces a waiting one. A put is answered only once its revision (or a later one of
 * the same amendment) is in the database. A batch the storage refuses stays queued and is
 * retried with back-off for as long as the process lives: the room has already seen it.
 */
export class RevisionWriter {
  private queue = new Map<string, Pending>();
  private writing = 0;
  private inBatch = new Set<string>();
  private flushing: Promise<void> | null = null;
  private lastStartAt = -Infinity;
  private consecutiveFailures = 0;
  readonly stats = { batches: 0, revisions: 0, failures: 0, refused: 0, givenUp: 0 };
  /** A revision the database refused (or that was given up): the room must be told what is stored. */
  onRefused: (revision: Revision, outcome: RevisionOutcome | "FAILED") => void = () => {};

  constructor(
    private readonly store: RevisionStore,
    private readonly opts: { commitIntervalMs?: number; maxWaitMs?: number } = {},
  ) {}

  /** Whether a revision of this amendment can be queued now (false once the bound is reached). */
  canAccept(amendmentId: string): boolean {
    return this.queue.has(amendmentId) || this.queue.size + this.writing < MAX_PENDING_REVISIONS;
  }

  /** Queues the revision now; resolves with the view once it (or a later revision of it) is stored. */
  submit(revision: Revision, view: AmendmentView): Promise<AmendmentView> {
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, timer: null };
      const waiting = this.queue.get(revision.amendmentId);
      if (waiting) {
        // The latest wins; stances on either wording were on words that are gone.
        waiting.revision = { ...revision, isNewWording: revision.isNewWording || waiting.revision.isNewWording };
        waiting.view = view;
        waiting.waiters.add(waiter);
      } else {
        this.queue.set(revision.amendmentId, { revision, view, waiters: new Set([waiter]) });
      }
      const entry = this.queue.get(revision.amendmentId)!;
      waiter.timer = setTimeout(() => {
        // Still queued (the storage is slow or down): the tab resends; the revision stays.
        entry.waiters.delete(waiter);
        reject(new AppError("UNAVAILABLE"));
      }, this.opts.maxWaitMs ?? MAX_REVISION_WAIT_MS);
      waiter.timer.unref?.();
      this.kick();
    });
  }

  get pending(): number {
    return this.queue.size + this.writing;
  }

  /** Whether a revision of this amendment waits to be stored (or is being stored). */
  isPending(amendmentId: string): boolean {
    return this.queue.has(amendmentId) || this.inBatch.has(amendmentId);
  }

  close(): void {
    this.store.close();
  }

  /** Resolves once everything queued before (and meanwhile) is written or refused. */
  async drain(): Promise<void> {
    while (this.queue.size > 0 || this.flushing) {
      if (!this.flushing) this.kick(true);
      await this.flushing;
    }
  }

  private kick(now = false): void {
    if (this.flushing || this.queue.size === 0) return;
    const backoff = this.consecutiveFailures > 0 ? Math.min(FIRST_RETRY_MS * 2 ** (this.consecutiveFailures - 1), MAX_RETRY_MS) : 0;
    const interval = this.opts.commitIntervalMs ?? REVISION_COMMIT_INTERVAL_MS;
    const wait = Math.max(now && backoff === 0 ? 0 : this.lastStartAt + interval - performance.now(), backoff);
    // Never in this turn: the relay of what was just accepted goes out first, and everything
    // accepted in this turn joins the batch.
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
    const batch: Pending[] = [];
    for (const [id, p] of this.queue) {
      if (batch.length >= MAX_REVISION_BATCH) break;
      batch.push(p);
      this.queue.delete(id);
    }
    this.writing = batch.length;
    this.inBatch = new Set(batch.map((p) => p.revision.amendmentId));
    let outcomes: RevisionOutcome[];
    try {
      outcomes = await this.store.write(batch.map((p) => p.revision));
    } catch (e) {
      this.writing = 0;
      this.inBatch = new Set();
      this.onFailure(batch, e);
      return;
    }
    this.writing = 0;
    this.inBatch = new Set();
    if (this.consecutiveFailures > 0) console.error(`amendments: revisions stored again after ${this.consecutiveFailures} failed attempt(s)`);
    this.consecutiveFailures = 0;
    this.stats.batches++;
    this.stats.revisions += batch.length;
    batch.forEach((p, i) => {
      const outcome = outcomes[i] ?? "NOT_OPEN";
      if (outcome === "STORED") return settle(p, (w) => w.resolve(p.view));
      this.stats.refused++;
      settle(p, (w) => w.reject(new AppError(outcome)));
      this.onRefused(p.revision, outcome);
    });
  }

  private onFailure(batch: Pending[], e: unknown): void {
    this.consecutiveFailures++;
    this.stats.failures++;
    const attempt = this.consecutiveFailures;
    if (attempt === 1 || attempt % 10 === 0) {
      console.error(`amendments: write of ${batch.length} revision(s) failed (attempt ${attempt}), retrying:`, (e as Error)?.message ?? e);
    }
    if (isStorageUnavailable(e) || attempt < ATTEMPTS_BEFORE_GIVING_UP) {
      // Back at the head of the queue, in order; a revision that came meanwhile replaces its older one.
      const requeued = new Map<string, Pending>();
      for (const old of batch) {
        const newer = this.queue.get(old.revision.amendmentId);
        if (!newer) {
          requeued.set(old.revision.amendmentId, old);
          continue;
        }
        for (const w of old.waiters) newer.waiters.add(w);
        newer.revision = { ...newer.revision, isNewWording: newer.revision.isNewWording || old.revision.isNewWording };
        requeued.set(old.revision.amendmentId, newer);
      }
      for (const [id, p] of this.queue) if (!requeued.has(id)) requeued.set(id, p);
      this.queue = requeued;
      return;
    }
    // Not the storage, and not passing: these revisions cannot be stored. Their senders are
    // told; the room is sent the amendments as stored.
    this.consecutiveFailures = 0;
    for (const p of batch) {
      this.stats.givenUp++;
      settle(p, (w) => w.reject(e));
      this.onRefused(p.revision, "FAILED");
    }
  }
}

function settle(p: Pending, answer: (w: Waiter) => void): void {
  for (const w of p.waiters) {
    if (w.timer) clearTimeout(w.timer);
    answer(w);
  }
  p.waiters.clear();
}

export type PutInput = { key: string; from: Uint8Array; to: Uint8Array; insert: string; reason?: string };

/** Whether the cached amendment is one this session may revise on the fast path, with this put. */
function isFastRevision(view: AmendmentView | undefined, session: Session, input: PutInput): view is AmendmentView {
  if (!view || view.status !== "OPEN" || view.author.id !== session.participant.userId) return false;
  // Clearing stances is announced by the slow path, with the amendment as stored.
  if (view.stances.length > 0) return false;
  const reason = storedReason(input.reason);
  // Text the use case refuses (too long, more than one paragraph) is refused there, in its words.
  return (reason === undefined || reason === view.reason) && input.insert.length <= MAX_AMENDMENT_TEXT_CHARS && !hasLineBreak(input.insert);
}

/**
 * The fast path for a put: the stored view once the revision is in the database, or null when
 * the put must take the slow path (putAmendment). Throws only NOT_JOINED (the session left the
 * room) and UNAVAILABLE (too many revisions waiting, or stored too slowly).
 */
export async function reviseOwnAmendment(
  ctx: { room: Room; session: Session; socketId: string; writer: RevisionWriter; accessPending?: () => boolean },
  input: PutInput,
): Promise<{ amendment: AmendmentView } | null> {
  if (!AMENDMENT_FAST_PATH) return null;
  const { room, session, socketId, writer } = ctx;
  // A room dropped after a storage failure: the slow path reads (and reloads) from the database.
  if (room.isBroken) return null;
  let known: AmendmentView | undefined;
  try {
    known = await room.amendments.get(input.key);
  } catch {
    // The cache could not be loaded: the slow path reads the database (and says why it cannot).
    return null;
  }
  if (!isFastRevision(known, session, input)) return null;
  const turn = await room.serialize(() => {
    // Removed from the room meanwhile (access changed): nothing more from this session.
    if (room.sessions.get(socketId) !== session) throw new AppError("NOT_JOINED");
    // The session's seat is being re-read (access changed): the slow path reads the membership.
    if (ctx.accessPending?.()) return null;
    const current = room.amendments.peek(input.key);
    if (!isFastRevision(current, session, input)) return null;
    // As Room.accept checks a doc:update: the session's role and the room's state, in this turn.
    if (!decide(session.role, "amendment.propose", room.state, { archived: room.isArchived }).allowed) return null;
    const actor = { userId: session.participant.userId, role: session.role, delegationId: session.participant.delegation?.id ?? null };
    if (!mayRevise(actor, { authorId: current.author.id, delegationId: current.delegation?.id ?? null, status: current.status }, room.state).ok) return null;
    const span = resolveSpan(room.doc, input.from, input.to);
    // Not a passage of this text, too long, or a discard: the slow path decides and says so.
    if (!span || span.passage.length > MAX_AMENDMENT_TEXT_CHARS) return null;
    if (span.from === span.to && input.insert === "") return null;
    // In an agreed paragraph: the slow path refuses it (PARAGRAPH_AGREED), reading the status stored.
    if (room.agreedKeys.size > 0 && room.agreedKeys.has(unitKeyOfText(room.doc, span.text) ?? "")) return null;
    if (!writer.canAccept(current.id)) throw new AppError("UNAVAILABLE");
    const isNewWording = span.passage !== current.passage || input.insert !== current.insert;
    const isSame = !isNewWording && sameBytes(input.from, current.from) && sameBytes(input.to, current.to);
    // Copies: the anchors must not keep the received frame alive.
    const from = new Uint8Array(input.from);
    const to = new Uint8Array(input.to);
    const view: AmendmentView = isSame ? current : { ...current, from, to, passage: span.passage, insert: input.insert, stances: [] };
    const at = new Date();
    // Relayed now, in this turn (so relays keep the order of the room's changes); stored next.
    if (!isSame) room.shareAmendments([view], socketId);
    const revision: Revision = { amendmentId: current.id, proposalId: room.proposalId, authorId: actor.userId, from, to, passage: span.passage, insert: input.insert, isNewWording, at };
    // Wrapped: the room's turn must not wait for the write, only this put does.
    return { stored: writer.submit(revision, view) };
  });
  if (!turn) return null;
  return { amendment: await turn.stored };
}
