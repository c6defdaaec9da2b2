// Whether a session token still stands, and who it is for: one indexed read per request (pages,
// actions) and per socket handshake. A token carries the account's sessionEpoch from when it was
// issued; "Sign out everywhere", a password change and a password reset bump the account's
// epoch, so every token issued before is refused from then on. "Sign out" ends one session: the
// token's sid is recorded as revoked (sign-out-session.ts) and refused from then on.
import type { Db } from "../../../lib/db.ts";

export type SessionAccount = { id: string; name: string; email: string; isAdmin: boolean; timeZone: string | null; locale: string | null };

/**
 * The account a token speaks for, or null when the account is gone, the token predates its
 * last sign-out everywhere, or its session (`sessionId`, the token's sid) was signed out.
 * Tokens from before epochs existed carry none: they count as epoch 0.
 */
export async function loadSessionAccount(db: Db, userId: string, tokenEpoch: number | undefined, sessionId?: unknown): Promise<SessionAccount | null> {
  const [user, revoked] = await Promise.all([
    db.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, isAdmin: true, timeZone: true, locale: true, sessionEpoch: true },
    }),
    // Two primary-key reads side by side: the revocation check adds no round trip in sequence.
    typeof sessionId === "string" && sessionId ? db.revokedSession.findUnique({ where: { sid: sessionId }, select: { sid: true } }) : null,
  ]);
  if (!user || revoked || !isTokenCurrent(tokenEpoch, user.sessionEpoch)) return null;
  const { sessionEpoch: _epoch, ...account } = user;
  return account;
}

export function isTokenCurrent(tokenEpoch: number | undefined, accountEpoch: number): boolean {
  return (typeof tokenEpoch === "number" && Number.isFinite(tokenEpoch) ? tokenEpoch : 0) >= accountEpoch;
}
