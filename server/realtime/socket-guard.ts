// Per-socket limits, checked before any handler runs. A client that keeps exceeding them is
// disconnected with a named reason; other clients are unaffected.
import type { IncomingMessage } from "node:http";
import type { Socket } from "socket.io";
import { newBucket, take, type Bucket } from "../../lib/domain/rate-limit.ts";
import { toClientError, AppError } from "../../lib/errors.ts";

/** Messages: typing at 15 characters/s plus caret moves is ~30/s; a paste is one message. */
export const MESSAGE_LIMIT = { capacity: 200, perSecond: 100 } as const;
/** Bytes: a 1 MB paste may burst through; sustained floods of large updates may not. */
export const BYTE_LIMIT = { capacity: 4 * 1024 * 1024, perSecond: 1024 * 1024 } as const;
/** Refused messages tolerated before the socket is dropped (a stuck client retries a little). */
export const MAX_REFUSALS = 100;
/**
 * Open sockets per account on one node: a tab holds one; a delegate with a laptop, a phone and
 * a few tabs is far below. A review opened 300 (+85 MB) from one account.
 */
export const MAX_SOCKETS_PER_USER = 20;

/** Counts each account's open sockets; a connection over the bound is refused at the handshake. */
export class SocketsPerUser {
  private readonly open = new Map<string, number>();

  /** Takes a slot for the user, or returns false when they already hold the maximum. */
  enter(userId: string): boolean {
    const n = this.open.get(userId) ?? 0;
    if (n >= MAX_SOCKETS_PER_USER) return false;
    this.open.set(userId, n + 1);
    return true;
  }

  leave(userId: string): void {
    const n = (this.open.get(userId) ?? 1) - 1;
    if (n <= 0) this.open.delete(userId);
    else this.open.set(userId, n);
  }
}

function payloadBytes(args: unknown[]): number {
  let n = 0;
  for (const a of args) {
    if (a instanceof Uint8Array) n += a.byteLength;
    else if (a instanceof ArrayBuffer) n += a.byteLength;
    else if (a && typeof a === "object") n += payloadBytes(Object.values(a));
    else if (typeof a === "string") n += a.length;
  }
  return n;
}

export function guardSocket(socket: Socket): void {
  const now = Date.now();
  const messages: Bucket = newBucket(MESSAGE_LIMIT.capacity, now);
  const bytes: Bucket = newBucket(BYTE_LIMIT.capacity, now);
  let refusals = 0;
  socket.use((packet, next) => {
    const t = Date.now();
    const args = packet.slice(1);
    if (take(messages, MESSAGE_LIMIT, t) && take(bytes, BYTE_LIMIT, t, payloadBytes(args))) return next();
    refusals++;
    const error = toClientError(new AppError("RATE_LIMITED"));
    const ack = args.at(-1);
    if (typeof ack === "function") (ack as (r: unknown) => void)({ ok: false, error });
    if (refusals > MAX_REFUSALS) {
      socket.emit("protocol:error", { event: String(packet[0]).slice(0, 64), ...error });
      socket.disconnect(true);
    }
  });
}

/**
 * Cross-site WebSocket hijacking guard: a browser always sends Origin on a WebSocket, and it
 * must be this site. (Clients that are not browsers send none and carry no ambient cookies.)
 */
export function isAllowedOrigin(req: IncomingMessage, publicUrl: string | undefined): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return false;
  }
  if (host === req.headers.host) return true;
  return publicUrl !== undefined && host === new URL(publicUrl).host;
}
