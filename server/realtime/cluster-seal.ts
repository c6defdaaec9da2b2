// Every message nodes publish on the cluster's Redis is sealed with an HMAC-SHA256 under
// ACCORD_CLUSTER_SECRET, and every message received is checked before anything reads it.
// This is done on the Redis connections themselves (publish on the one, the message events of
// the other), so it covers every path socket.io's Redis adapter uses: room broadcasts, the
// node-to-node events of cluster.ts (serverSideEmit), their acknowledgements, and the
// adapter's own requests (fetchSockets, remote join/leave/disconnect). Someone who can publish
// on the Redis but does not hold the secret can reach no node's state and no client.
//
// Sealed message: "AC1" | timestamp (8 bytes, ms) | nonce (16 bytes) | MAC (32 bytes) | payload,
// MAC = HMAC-SHA256(secret, channel | 0x00 | timestamp | nonce | payload). The channel is in
// the MAC (a broadcast to one room cannot be replayed into another); a message older (or newer)
// than FRESH_MS is dropped, and one already seen within that window too (no replays).
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Redis } from "ioredis";

const MAGIC = Buffer.from("AC1");
const TS_BYTES = 8;
const NONCE_BYTES = 16;
const MAC_BYTES = 32;
const HEADER_BYTES = MAGIC.length + TS_BYTES + NONCE_BYTES + MAC_BYTES;
/** How far a message's timestamp may be from this node's clock (nodes' clocks must agree this well). */
export const FRESH_MS = 60_000;
/** Dropped messages are logged at most once per this interval (a flood is one line, with a count). */
const LOG_EVERY_MS = 60_000;

function mac(secret: string, channel: Buffer, ts: Buffer, nonce: Buffer, payload: Buffer): Buffer {
  return createHmac("sha256", secret).update(channel).update(Buffer.of(0)).update(ts).update(nonce).update(payload).digest();
}

const asBuffer = (v: string | Buffer | Uint8Array): Buffer => (typeof v === "string" ? Buffer.from(v) : Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength));

/** The message as published: the payload under its header and MAC. */
export function seal(secret: string, channel: string | Buffer, payload: string | Buffer | Uint8Array, now = Date.now()): Buffer {
  const ts = Buffer.alloc(TS_BYTES);
  ts.writeBigInt64BE(BigInt(now));
  const nonce = randomBytes(NONCE_BYTES);
  const body = asBuffer(payload);
  return Buffer.concat([MAGIC, ts, nonce, mac(secret, asBuffer(channel), ts, nonce, body), body]);
}

export type DropReason = "unsigned" | "bad-mac" | "stale" | "replayed";

export class Opener {
  /** Messages dropped since start, by reason. */
  readonly dropped: Record<DropReason, number> = { unsigned: 0, "bad-mac": 0, stale: 0, replayed: 0 };
  // MACs of messages accepted within FRESH_MS, with their timestamps (replay check).
  private seen = new Map<string, number>();
  private lastLog = 0;
  private loggedTotal = 0;

  constructor(
    private secret: string,
    private log: (line: string) => void = (line) => console.warn(line),
  ) {}

  /** The payload if the message is sealed by a holder of the secret, fresh and new; else null. */
  open(channel: string | Buffer, message: Buffer, now = Date.now()): Buffer | null {
    if (message.length < HEADER_BYTES || !message.subarray(0, MAGIC.length).equals(MAGIC)) return this.drop("unsigned", channel, now);
    let at = MAGIC.length;
    const ts = message.subarray(at, (at += TS_BYTES));
    const nonce = message.subarray(at, (at += NONCE_BYTES));
    const given = message.subarray(at, (at += MAC_BYTES));
    const payload = message.subarray(at);
    const expected = mac(this.secret, asBuffer(channel), ts, nonce, payload);
    if (!timingSafeEqual(given, expected)) return this.drop("bad-mac", channel, now);
    const sentAt = Number(ts.readBigInt64BE());
    if (Math.abs(now - sentAt) > FRESH_MS) return this.drop("stale", channel, now);
    this.forgetOld(now);
    const id = given.toString("base64");
    if (this.seen.has(id)) return this.drop("replayed", channel, now);
    this.seen.set(id, sentAt);
    return payload;
  }

  get droppedTotal(): number {
    return Object.values(this.dropped).reduce((a, b) => a + b, 0);
  }

  private forgetOld(now: number): void {
    // Insertion order is roughly time order: stop at the first one still fresh.
    for (const [id, sentAt] of this.seen) {
      if (now - sentAt <= FRESH_MS) break;
      this.seen.delete(id);
    }
  }

  private drop(reason: DropReason, channel: string | Buffer, now: number): null {
    this.dropped[reason]++;
    if (now - this.lastLog >= LOG_EVERY_MS) {
      const total = this.droppedTotal;
      const since = total - this.loggedTotal;
      this.log(
        `cluster: dropped ${since} Redis message(s) not sealed with this node's ACCORD_CLUSTER_SECRET ` +
          `(latest: ${reason} on ${channel.toString()}; ${total} since start). Is every node given the same secret? ` +
          `Anyone else publishing on this Redis is refused.`,
      );
      this.lastLog = now;
      this.loggedTotal = total;
    }
    return null;
  }
}

const MESSAGE_EVENTS = new Set(["message", "pmessage", "messageBuffer", "pmessageBuffer", "smessage", "smessageBuffer"]);

/**
 * Seals what `pub` publishes and lets `sub` pass on only messages that open. `sub` must serve
 * socket.io's adapter only (it listens to the Buffer events; the string ones are not passed on).
 */
export function sealRedisClients(pub: Redis, sub: Redis, secret: string): Opener {
  const opener = new Opener(secret);
  const publish = pub.publish.bind(pub) as (channel: string | Buffer, message: string | Buffer) => Promise<number>;
  (pub as unknown as { publish: typeof publish }).publish = (channel, message) => publish(channel, seal(secret, channel, message));
  const emit = sub.emit.bind(sub);
  sub.emit = ((event: string | symbol, ...args: unknown[]) => {
    if (typeof event !== "string" || !MESSAGE_EVENTS.has(event)) return emit(event, ...args);
    if (event === "messageBuffer" || event === "smessageBuffer") {
      const [channel, message] = args as [Buffer, Buffer];
      const payload = opener.open(channel, message);
      return payload ? emit(event, channel, payload) : false;
    }
    if (event === "pmessageBuffer") {
      const [pattern, channel, message] = args as [Buffer, Buffer, Buffer];
      const payload = opener.open(channel, message);
      return payload ? emit(event, pattern, channel, payload) : false;
    }
    return false; // string variants: nobody here reads them unsealed
  }) as typeof sub.emit;
  return opener;
}
