// Re-issues the caller's own session cookie after its account's sessionEpoch was bumped ("Sign
// out everywhere", a password change): every other session ends, this browser stays signed in.
// Written as next-auth writes it — same cookie name, secret, encoding and lifetime — so
// next-auth reads it back as its own.
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { env } from "../../lib/env.ts";
import { SESSION_MAX_AGE_S } from "./options.ts";
import { newSessionId } from "./session-events.ts";

/** next-auth's cookie: `__Secure-` prefixed (and Secure) when the public URL is https. */
export function sessionCookieName(publicUrl: string | undefined = env().NEXTAUTH_URL ?? process.env.NEXTAUTH_URL): { name: string; secure: boolean } {
  const secure = publicUrl?.startsWith("https://") ?? false;
  return { name: `${secure ? "__Secure-" : ""}next-auth.session-token`, secure };
}

function authSecret(): string {
  // server/secret.ts writes the generated secret into process.env for next-auth; read the same.
  const secret = process.env.NEXTAUTH_SECRET ?? env().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set: the session cookie cannot be re-issued.");
  return secret;
}

/** Gives the current browser a token under the account's new epoch (the old one is now refused). */
export async function reissueSessionCookie(userId: string, sessionEpoch: number): Promise<void> {
  const jar = await cookies();
  const { name, secure } = sessionCookieName();
  const secret = authSecret();
  const current = jar.get(name)?.value;
  const token = current ? await decode({ token: current, secret }).catch(() => null) : null;
  // Only the caller's own token is carried over: a cookie for someone else is never re-signed.
  const { sub: _sub, epoch: _epoch, iat: _iat, exp: _exp, jti: _jti, ...kept } = token?.sub === userId ? token : {};
  // The session keeps its id ("Sign out" then revokes this one); a token from before ids gets one.
  const sid = typeof kept.sid === "string" && kept.sid ? kept.sid : newSessionId();
  const value = await encode({ token: { ...kept, sub: userId, epoch: sessionEpoch, sid }, secret, maxAge: SESSION_MAX_AGE_S });
  jar.set(name, value, { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: SESSION_MAX_AGE_S });
}
