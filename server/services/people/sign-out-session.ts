// "Sign out" ends this browser's session on the server, not only in the browser: next-auth
// clears the cookie, but a copy of it (another tab's request in flight, a stolen cookie, an
// open socket) would otherwise stay valid until the token expires (12 h). The token's session
// id is recorded as revoked — pages and socket handshakes refuse it from then on
// (session-account.ts) — and the open sockets of that session, on every node, are closed at once.
// Other sessions of the account (another device) stay signed in.
import type { Db } from "../../../lib/db.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { bumpSessionEpoch } from "./session-epoch.ts";

/** What sign-out knows of the session: the decoded token (null when it could not be read). */
export type SignedOutToken = { sub?: unknown; sid?: unknown; exp?: unknown } | null | undefined;

/** How long a revocation is kept when the token says nothing of its expiry: the session's lifetime. */
const FALLBACK_KEEP_MS = 12 * 60 * 60 * 1000;

export async function signOutSession(opts: { db: Db; live: LiveNotifier; token: SignedOutToken; now: number }): Promise<{ revoked: "session" | "account" | "none" }> {
  const { db, live, token, now } = opts;
  const userId = typeof token?.sub === "string" && token.sub ? token.sub : null;
  if (!userId) return { revoked: "none" };
  const sid = typeof token?.sid === "string" && token.sid ? token.sid : null;
  if (!sid) {
    // A token from before sessions had ids: the account's epoch is the only way to refuse it,
    // which ends the account's other sessions too (as "Sign out everywhere" does).
    await bumpSessionEpoch(db, userId);
    live.accessChanged({ userId });
    return { revoked: "account" };
  }
  const expiresAt = new Date(typeof token?.exp === "number" && Number.isFinite(token.exp) ? token.exp * 1000 : now + FALLBACK_KEEP_MS);
  await db.$transaction([
    db.revokedSession.upsert({ where: { sid }, create: { sid, userId, expiresAt }, update: {} }),
    // A token past its expiry is refused by next-auth itself: its row is no longer needed.
    db.revokedSession.deleteMany({ where: { expiresAt: { lt: new Date(now) } } }),
  ]);
  live.accessChanged({ userId, sessionId: sid });
  return { revoked: "session" };
}
