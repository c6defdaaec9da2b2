// The Yjs-layer half of the load generator, shared by every transport: typists making
// keystrokes against absolute times, and every replica reporting when it first sees each
// remote edit (decoded from the update's structs and delete set). See bench/README.md, Method.
import * as Y from "yjs";
import type { Tracker } from "./tracker.ts";
import type { Replica } from "./transport.ts";

/** Reports each edit this replica sees for the first time (Yjs emits only what is new to it). */
export function watchRemoteEdits(replica: Replica, tracker: Tracker): void {
  replica.doc.on("update", (update: Uint8Array, origin: unknown) => {
    if (!replica.isRemote(origin)) return;
    const now = performance.now();
    const { structs, ds } = Y.decodeUpdate(update);
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      // Yjs may merge consecutive characters of one client into one struct: one key per clock.
      for (let i = 0; i < s.length; i++) tracker.seen(`${s.id.client}:${s.id.clock + i}`, now);
    }
    for (const [client, ranges] of ds.clients) {
      for (const r of ranges) for (let i = 0; i < r.len; i++) tracker.seen(`d:${client}:${r.clock + i}`, now);
    }
  });
}

export const ALPHABET = "abcdefghijklmnopqrstuvwxyz     ";

/**
 * A typist's keystroke clock: `rate` keystrokes a second, intervals jittered ±50 % against
 * absolute times (so the mean rate stays exact), started at a random phase so typists in a room
 * do not fire in lockstep.
 */
export class KeystrokeClock {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private nextAt = 0;

  constructor(
    private readonly rate: number,
    private readonly keystroke: () => void,
  ) {}

  start(): void {
    this.nextAt = performance.now() + Math.random() * (1000 / this.rate);
    this.schedule();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.nextAt += (1000 / this.rate) * (0.5 + Math.random());
    this.timer = setTimeout(() => {
      this.keystroke();
      this.schedule();
    }, Math.max(0, this.nextAt - performance.now()));
  }
}

/** One person typing into the first paragraph: mostly appending, sometimes mid-text, ~10 % deletions. */
export class ReplicaTypist {
  private readonly clock: KeystrokeClock;
  private pending: number[] = [];
  private readonly text: Y.XmlText;

  constructor(
    private readonly replica: Replica,
    private readonly tracker: Tracker,
    rate: number,
  ) {
    this.clock = new KeystrokeClock(rate, () => this.keystroke());
    const paragraph = replica.doc.getXmlFragment("default").get(0);
    const text = paragraph instanceof Y.XmlElement ? paragraph.get(0) : null;
    if (!(text instanceof Y.XmlText)) throw new Error("the draft's first paragraph has no text node");
    this.text = text;
    // Persistence lag: edits since the transport last said "saved" become durable when it says so again.
    replica.onSaved?.(() => {
      if (this.pending.length === 0) return;
      const now = performance.now();
      for (const sentAt of this.pending) if (tracker.isInWindow(sentAt)) tracker.persistLags.push(now - sentAt);
      this.pending = [];
    });
  }

  start(): void {
    this.clock.start();
  }

  stop(): void {
    this.clock.stop();
  }

  private keystroke(): void {
    const doc = this.replica.doc;
    const trackSaves = this.replica.onSaved !== null;
    const roll = Math.random();
    if (roll < 0.1) {
      const own = this.lastOwnCharacter();
      if (own) {
        const sentAt = performance.now();
        this.tracker.sent(`d:${doc.clientID}:${own.clock}`, this.replica.room, sentAt);
        if (trackSaves) this.pending.push(sentAt);
        this.text.delete(own.index, 1);
        return;
      }
    }
    const length = this.text.length;
    const index = roll < 0.2 ? Math.floor(Math.random() * (length + 1)) : length;
    const ch = ALPHABET[Math.floor(Math.random() * ALPHABET.length)]!;
    // The item this insert creates gets the client's next clock: that is its id on every replica.
    const sentAt = performance.now();
    this.tracker.sent(`${doc.clientID}:${Y.getState(doc.store, doc.clientID)}`, this.replica.room, sentAt);
    if (trackSaves) this.pending.push(sentAt);
    this.text.insert(index, ch);
  }

  /** Only characters the typist typed itself: two people deleting one character would hide a deletion. */
  private lastOwnCharacter(): { index: number; clock: number } | null {
    const me = this.replica.doc.clientID;
    let index = 0;
    let found: { index: number; clock: number } | null = null;
    for (let item = this.text._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue;
      if (item.id.client === me) found = { index: index + item.length - 1, clock: item.id.clock + item.length - 1 };
      index += item.length;
    }
    return found;
  }
}
