// A socket.io connection is authenticated from the same next-auth session cookie as the pages,
// and refused like the pages refuse it: an account that is gone, or a token issued before the
// account's last "Sign out everywhere" (or password change or reset), or a session that was
// signed out ("Sign out" revokes its sid), gets UNAUTHENTICATED.
import type { IncomingMessage } from "node:http";
import { getToken } from "next-auth/jwt";
import { dbIfOpen, type Db } from "../../lib/db.ts";
import { loadSessionAccount } from "../services/people/session-account.ts";

export function parseCookieHeader(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq <= 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is ignored, never fatal.
    }
  }
  return out;
}

/** Who a socket speaks for, and which session (the token's sid; null for a token without one). */
export type HandshakeSession = { userId: string; sessionId: string | null };

/**
 * The user and session the handshake's session cookie speaks for, or null. `db` is the server's
 * database; without it, the process's client (server/index.ts sets it before the server starts).
 * Only a process that has neither (a test server that did not set one) skips the epoch and
 * revocation checks.
 */
export async function sessionFromHandshake(req: IncomingMessage, secret: string, db: Db | undefined = dbIfOpen()): Promise<HandshakeSession | null> {
  const cookies = parseCookieHeader(req.headers.cookie);
  if (Object.keys(cookies).length === 0) return null;
  // getToken only reads `cookies` and `headers` from the request.
  const token = await getToken({ req: { cookies, headers: req.headers } as unknown as Parameters<typeof getToken>[0]["req"], secret });
  if (typeof token?.sub !== "string") return null;
  const sessionId = typeof token.sid === "string" && token.sid ? token.sid : null;
  if (!db) return { userId: token.sub, sessionId };
  const account = await loadSessionAccount(db, token.sub, token.epoch, sessionId);
  return account ? { userId: account.id, sessionId } : null;
}

/** The user the handshake's session cookie speaks for, or null (see sessionFromHandshake). */
export async function userIdFromHandshake(req: IncomingMessage, secret: string, db: Db | undefined = dbIfOpen()): Promise<string | null> {
  return (await sessionFromHandshake(req, secret, db))?.userId ?? null;
}
