// A socket.io connection is authenticated from the same next-auth session cookie as the pages.
import type { IncomingMessage } from "node:http";
import { getToken } from "next-auth/jwt";

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

export async function userIdFromHandshake(req: IncomingMessage, secret: string): Promise<string | null> {
  const cookies = parseCookieHeader(req.headers.cookie);
  if (Object.keys(cookies).length === 0) return null;
  // getToken only reads `cookies` and `headers` from the request.
  const token = await getToken({ req: { cookies, headers: req.headers } as unknown as Parameters<typeof getToken>[0]["req"], secret });
  return typeof token?.sub === "string" ? token.sub : null;
}
