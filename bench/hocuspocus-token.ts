// The signed token the Hocuspocus baseline's clients send and its onAuthenticate hook checks:
// claims (document, user, expiry) as base64url JSON, then an HMAC-SHA256 of them with the run's
// secret. Accord checks a next-auth session on every connection; this gives the baseline an
// authentication step of comparable weight (one HMAC per connection), not a free pass.
import { createHmac, timingSafeEqual } from "node:crypto";

export type HocuspocusClaims = { doc: string; sub: string; exp: number };

const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("base64url");

export function signHocuspocusToken(secret: string, claims: HocuspocusClaims): string {
  const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

/** The claims when the signature is right and the token has not expired; null otherwise. */
export function verifyHocuspocusToken(secret: string, token: string | undefined, nowMs = Date.now()): HocuspocusClaims | null {
  if (typeof token !== "string") return null;
  const [body, mac, extra] = token.split(".");
  if (!body || !mac || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Partial<HocuspocusClaims>;
    if (typeof claims.doc !== "string" || typeof claims.sub !== "string" || typeof claims.exp !== "number" || claims.exp < nowMs) return null;
    return claims as HocuspocusClaims;
  } catch {
    return null;
  }
}
