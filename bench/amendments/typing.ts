// "Amendments only" typing, as the browser does it: a delegate's keystrokes extend their own
// amendment (one key per amendment, the insert growing by a character per keystroke) through
// `amendment:put`, with at most one put in flight per key — keystrokes typed while one is in
// flight go out together in the next put. Every other tab sees the keystroke when an
// `amendment:changed` carrying that amendment with an insert at least that long arrives.
//
// Latency per (keystroke, receiver): keystroke → the first amendment:changed at that receiver
// whose insert includes it (coalesced keystrokes count from their own time, so waiting for the
// put in flight is included). Persistence per keystroke: keystroke → the put's acknowledgement
// (the amendment is stored) that included it. Same keystroke timing as bench/typing.ts.
import { ALPHABET, KeystrokeClock } from "../typing.ts";
import type { AmendmentAck, AmendmentView } from "../../lib/protocol.ts";
import type { ProviderSocket } from "../../lib/realtime/proposal-provider.ts";


type KeyRecord = { owner: number; sentAt: number[]; acked: number };

/** Send times of every keystroke by amendment key, and how far each receiver has seen each key. */
export class AmendmentTracker {
  readonly keys = new Map<string, KeyRecord>();
  /** receiver → key → insert length seen so far. */
  private readonly seenBy = new Map<number, Map<string, number>>();
  readonly latencies: number[] = [];
  readonly persistLags: number[] = [];
  keystrokesInWindow = 0;
  deliveriesInWindow = 0;
  messagesInWindow = 0;
  putsInWindow = 0;
  windowStart = Number.POSITIVE_INFINITY;
  windowEnd = Number.POSITIVE_INFINITY;
  readonly refusals: string[] = [];

  isInWindow(t: number): boolean {
    return t >= this.windowStart && t < this.windowEnd;
  }

  register(key: string, owner: number): void {
    this.keys.set(key, { owner, sentAt: [], acked: 0 });
  }

  keystroke(key: string, at: number): void {
    this.keys.get(key)!.sentAt.push(at);
    if (this.isInWindow(at)) this.keystrokesInWindow++;
  }

  put(at: number): void {
    if (this.isInWindow(at)) this.putsInWindow++;
  }

  acked(key: string, length: number, at: number): void {
    const rec = this.keys.get(key)!;
    for (let k = rec.acked; k < length; k++) if (this.isInWindow(rec.sentAt[k]!)) this.persistLags.push(at - rec.sentAt[k]!);
    rec.acked = Math.max(rec.acked, length);
  }

  /** One amendment:changed at `receiver`: every keystroke of a tracked key it newly carries is one sample. */
  changed(receiver: number, amendments: readonly AmendmentView[], at: number): void {
    let counted = false;
    for (const a of amendments) {
      const rec = this.keys.get(a.key);
      if (!rec || rec.owner === receiver) continue;
      if (!counted && this.isInWindow(at)) this.messagesInWindow++;
      counted = true;
      let seen = this.seenBy.get(receiver);
      if (!seen) this.seenBy.set(receiver, (seen = new Map()));
      const before = seen.get(a.key) ?? 0;
      const length = Math.min(a.insert.length, rec.sentAt.length);
      for (let k = before; k < length; k++) {
        if (this.isInWindow(rec.sentAt[k]!)) this.latencies.push(at - rec.sentAt[k]!);
        if (this.isInWindow(at)) this.deliveriesInWindow++;
      }
      if (length > before) seen.set(a.key, length);
    }
  }

  /** Keystrokes some receiver has not seen (yet): receivers are every client but the key's owner. */
  missing(receivers: readonly number[]): { keystrokes: number; deliveries: number } {
    let keystrokes = 0;
    let deliveries = 0;
    for (const [key, rec] of this.keys) {
      let worst = 0;
      for (const r of receivers) {
        if (r === rec.owner) continue;
        const gap = rec.sentAt.length - (this.seenBy.get(r)?.get(key) ?? 0);
        deliveries += gap;
        worst = Math.max(worst, gap);
      }
      keystrokes += worst;
    }
    return { keystrokes, deliveries };
  }
}

/** One delegate typing into their own amendment (an insertion at a fixed point of a paragraph). */
export class AmendmentTypist {
  private readonly clock: KeystrokeClock;
  private insert = "";
  private sentLength = 0;
  private inFlight = false;

  constructor(
    private readonly socket: ProviderSocket,
    private readonly proposalId: string,
    readonly key: string,
    private readonly anchor: Uint8Array,
    rate: number,
    private readonly tracker: AmendmentTracker,
  ) {
    this.clock = new KeystrokeClock(rate, () => this.keystroke());
  }

  /** The whole text typed so far; settled once every put is acknowledged. */
  get text(): string {
    return this.insert;
  }
  get isSettled(): boolean {
    return !this.inFlight && this.sentLength === this.insert.length;
  }

  start(): void {
    this.clock.start();
  }

  stop(): void {
    this.clock.stop();
  }

  private keystroke(): void {
    const ch = ALPHABET[Math.floor(Math.random() * ALPHABET.length)]!;
    // Never a leading space: the first keystroke already makes a visible amendment.
    this.insert += this.insert.length === 0 && ch === " " ? "x" : ch;
    this.tracker.keystroke(this.key, performance.now());
    this.flush();
  }

  /** One put in flight per key; what was typed meanwhile goes in the next one. */
  private flush(): void {
    if (this.inFlight || this.sentLength === this.insert.length) return;
    this.inFlight = true;
    const insert = this.insert;
    this.tracker.put(performance.now());
    this.socket.emit("amendment:put", { proposalId: this.proposalId, key: this.key, from: this.anchor, to: this.anchor, insert }, (res: AmendmentAck) => {
      const at = performance.now();
      this.inFlight = false;
      if (res.ok) {
        this.sentLength = insert.length;
        this.tracker.acked(this.key, insert.length, at);
      } else {
        this.tracker.refusals.push(`${res.error.code}: ${res.error.message}`);
        // A refused put is not retried in a loop: the next keystroke sends the whole text again.
        this.sentLength = insert.length;
      }
      this.flush();
    });
  }
}
