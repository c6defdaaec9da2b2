// The amendments this tab is typing, between the keystroke and the server's answer. Suggesting
// sends one "amendment:put" per amendment key at a time: while one is on its way, further
// keystrokes only replace what goes next (the latest state wins; the put is idempotent). Each
// is shown at once, as a layer over the server's amendments (overlayDrafts), until the server
// has stored it.
//
// Answers that pass (the server could not store it now, too many messages, no answer, offline)
// keep the draft: it is sent again after a short wait and whenever the tab is back in its room.
// A refusal for good (drafting locked, not allowed, the passage gone…) drops it and records a
// refusal that names the refused text, so nothing typed is lost without a word.
// Framework-free: the editor, the panel and the tests share it (React reads it through
// useSyncExternalStore: subscribe + snapshot).
import { sameBytes } from "../bytes.ts";
import type { AmendmentAck, AmendmentView, Participant } from "../protocol.ts";

/** One amendment as this tab wants it stored. */
export type Draft = {
  key: string;
  from: Uint8Array;
  to: Uint8Array;
  insert: string;
  /** The passage it replaces as the tab read it (for the card and a refusal's words). */
  passage: string;
  reason?: string;
  /** When it was first typed (ISO), for a card shown before the server has it. */
  createdAt: string;
};

export type PendingDraft = { draft: Draft; state: "sending" | "waiting" };
export type DraftRefusal = { key: string; passage: string; insert: string; message: string };
export type DraftsSnapshot = { pending: ReadonlyMap<string, PendingDraft>; refusals: readonly DraftRefusal[] };

/** A put with anchors at one position and no text: the amendment is discarded. */
export function isDiscard(d: Pick<Draft, "from" | "to" | "insert">): boolean {
  return d.insert === "" && sameBytes(d.from, d.to);
}


/** Refusals that pass: the draft is kept and sent again. Everything else is final. */
const PASSING = new Set(["UNAVAILABLE", "STORAGE_UNAVAILABLE", "RATE_LIMITED", "NOT_JOINED", "BUSY", "MISSING_DEPENDENCIES"]);
export function isPassing(code: string): boolean {
  return PASSING.has(code);
}

/**
 * A passage the server cannot find may only be one it has not received yet (text typed just
 * before suggesting, still on its way): tried again this many times before it counts as gone.
 */
const ANCHOR_RETRIES = 2;

/** Resend after a passing refusal while still connected (a reconnect resends at once). */
export const DRAFT_RETRY_MS = 1500;

type Options = {
  /** Sends one put (the caller adds the proposal id); a rejection counts as "no answer". */
  send: (draft: Draft) => Promise<AmendmentAck>;
  /** Whether a put can go out now (connected, in the room). */
  isOnline: () => boolean;
  retryMs?: number;
};

export class AmendmentDrafts {
  /** What each key should become: removed once the server has stored exactly that. */
  private latest = new Map<string, Draft>();
  private inFlight = new Map<string, Draft>();
  private waiting = new Set<string>();
  private anchorRetries = new Map<string, number>();
  private refusals: DraftRefusal[] = [];
  private snap: DraftsSnapshot = { pending: new Map(), refusals: [] };
  private readonly listeners = new Set<() => void>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly opts: Options;

  constructor(opts: Options) {
    this.opts = opts;
  }

  /** The amendment with `draft.key` should now read like this (shown at once, sent soon). */
  put(draft: Draft): void {
    const before = this.latest.get(draft.key);
    // A reason set before the server had the amendment travels with every later put.
    const reason = draft.reason ?? before?.reason;
    const createdAt = before?.createdAt ?? draft.createdAt;
    this.latest.set(draft.key, { ...draft, createdAt, ...(reason === undefined ? {} : { reason }) });
    this.changed();
    this.pump(draft.key);
  }

  /** The reason of an amendment the server does not have yet: it goes with the put. */
  setReason(key: string, reason: string): boolean {
    const d = this.latest.get(key) ?? this.inFlight.get(key);
    if (!d) return false;
    this.put({ ...d, reason });
    return true;
  }

  /** The tab is (back) in its room: everything kept goes out now. */
  online(): void {
    for (const key of [...this.latest.keys()]) this.pump(key, true);
  }

  dismissRefusal(key: string): void {
    this.refusals = this.refusals.filter((r) => r.key !== key);
    this.changed();
  }

  /** Stops the retry timer (kept drafts still go out on the next `online()`). */
  stop(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** How many puts are on their way (tests). */
  get inFlightCount(): number {
    return this.inFlight.size;
  }

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  snapshot = (): DraftsSnapshot => this.snap;

  /** Sends the key's latest state unless one is on its way, or it waits (offline, backing off) and this is not the retry. */
  private pump(key: string, isRetry = false): void {
    if (this.inFlight.has(key) || (this.waiting.has(key) && !isRetry)) return;
    const draft = this.latest.get(key);
    if (!draft) return;
    if (!this.opts.isOnline()) {
      this.setWaiting(key, true);
      return;
    }
    this.inFlight.set(key, draft);
    this.setWaiting(key, false);
    this.opts.send(draft).then(
      (ack) => this.answered(key, draft, ack),
      () => this.answered(key, draft, { ok: false, error: { code: "UNAVAILABLE", message: "No answer from the server." } }),
    );
  }

  private answered(key: string, sent: Draft, ack: AmendmentAck): void {
    this.inFlight.delete(key);
    if (ack.ok) {
      this.anchorRetries.delete(key);
      // Stored as sent: nothing of it is pending any more (a newer state goes out next).
      if (this.latest.get(key) === sent) this.latest.delete(key);
      this.changed();
      this.pump(key);
      return;
    }
    const tries = this.anchorRetries.get(key) ?? 0;
    const isLateText = ack.error.code === "ANCHOR_NOT_FOUND" && tries < ANCHOR_RETRIES;
    if (isLateText) this.anchorRetries.set(key, tries + 1);
    if (isPassing(ack.error.code) || isLateText) {
      this.setWaiting(key, true);
      this.scheduleRetry();
      return;
    }
    // Refused for good: the newest text of it is named in the refusal, then it is dropped.
    const newest = this.latest.get(key) ?? sent;
    this.latest.delete(key);
    this.waiting.delete(key);
    this.anchorRetries.delete(key);
    if (!isDiscard(newest)) {
      this.refusals = [...this.refusals.filter((r) => r.key !== key), { key, passage: newest.passage, insert: newest.insert, message: ack.error.message }];
    }
    this.changed();
  }

  private setWaiting(key: string, isWaiting: boolean): void {
    if (isWaiting === this.waiting.has(key)) return;
    if (isWaiting) this.waiting.add(key);
    else this.waiting.delete(key);
    this.changed();
  }

  private scheduleRetry(): void {
    if (this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.opts.isOnline()) this.online();
    }, this.opts.retryMs ?? DRAFT_RETRY_MS);
  }

  private changed(): void {
    const pending = new Map<string, PendingDraft>();
    for (const [key, draft] of this.latest) pending.set(key, { draft, state: this.waiting.has(key) ? "waiting" : "sending" });
    this.snap = { pending, refusals: this.refusals };
    for (const fn of this.listeners) fn();
  }
}

/** An amendment as shown: the server's view, or this tab's newer draft of its own. */
export type ShownAmendment = AmendmentView & {
  /** This tab's draft, not yet stored by the server ("sending" or "waiting" to be sent). */
  pending: PendingDraft["state"] | null;
};

/**
 * The server's view as shown, the same object for the same view: a card or a decoration drawn
 * from it is not redrawn when some other amendment changes.
 */
const shownOf = new WeakMap<AmendmentView, ShownAmendment>();
function asShown(view: AmendmentView): ShownAmendment {
  let shown = shownOf.get(view);
  if (!shown) {
    shown = { ...view, pending: null };
    shownOf.set(view, shown);
  }
  return shown;
}

/** Id of an amendment the server has not stored yet (no server id). */
export const DRAFT_ID_PREFIX = "draft:";

/**
 * The server's amendments with this tab's pending drafts laid over them: my own amendment with
 * a pending key shows the draft's text and anchors; a draft the server has never seen shows as
 * a new open amendment of mine; a discarded one disappears.
 */
export function overlayDrafts(server: readonly AmendmentView[], drafts: DraftsSnapshot, self: Participant | null): ShownAmendment[] {
  const out: ShownAmendment[] = [];
  const seen = new Set<string>();
  for (const view of server) {
    const pending = self && view.author.id === self.userId ? drafts.pending.get(view.key) : undefined;
    if (!pending || view.status !== "OPEN") {
      out.push(asShown(view));
      continue;
    }
    seen.add(view.key);
    const { draft } = pending;
    if (isDiscard(draft)) continue;
    out.push({ ...view, from: draft.from, to: draft.to, insert: draft.insert, passage: draft.passage, reason: draft.reason ?? view.reason, pending: pending.state });
  }
  if (!self) return out;
  for (const [key, { draft, state }] of drafts.pending) {
    if (seen.has(key) || isDiscard(draft)) continue;
    if (server.some((v) => v.key === key && v.author.id === self.userId)) continue;
    out.push({
      id: `${DRAFT_ID_PREFIX}${key}`,
      key,
      from: draft.from,
      to: draft.to,
      passage: draft.passage,
      insert: draft.insert,
      reason: draft.reason ?? null,
      status: "OPEN",
      delegation: self.delegation,
      author: { id: self.userId, name: self.name },
      stances: [],
      createdAt: draft.createdAt,
      decidedAt: null,
      pending: state,
    });
  }
  return out;
}
