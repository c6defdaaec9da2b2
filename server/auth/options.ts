// next-auth: email + password (Credentials), sessions as signed JWT cookies. The same cookie
// authenticates the socket.io connection (server/realtime/socket-auth.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db, type Db } from "../../lib/db.ts";
import { clientAddress } from "../../lib/domain/client-address.ts";
import { env } from "../../lib/env.ts";
import { missingFieldsCode, missingSignInFields } from "../../lib/sign-in-fields.ts";
import { signInWithPassword } from "../services/people/sign-in-with-password.ts";
import { newSessionId, revokeSignedOutSession } from "./session-events.ts";
import { LoginLimiter } from "./login-limiter.ts";
import { PEER_ADDRESS_HEADER } from "./peer-address.ts";

const limiter = new LoginLimiter();

const SignInInput = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) });

/**
 * The client's address from the request's headers: the socket peer the custom server stamped
 * (server/auth/peer-address.ts), or, only when that peer is a trusted proxy, the right-most
 * X-Forwarded-For hop that is not. Null when the request did not come through our server.
 */
export function requestAddress(headers: Record<string, unknown> | undefined, trustedProxies: readonly string[]): string | null {
  const text = (v: unknown): string | string[] | null => (typeof v === "string" || Array.isArray(v) ? (v as string | string[]) : null);
  const peer = text(headers?.[PEER_ADDRESS_HEADER]);
  return clientAddress({ peer: Array.isArray(peer) ? peer[0] : peer, forwardedFor: text(headers?.["x-forwarded-for"]), trustedProxies });
}

/** What authorize() does with the form's fields and the request's headers. */
export async function authorizeSignIn(
  credentials: Record<string, unknown> | undefined,
  headers: Record<string, unknown> | undefined,
  deps: { db: Db; limiter: LoginLimiter; trustedProxies: readonly string[]; now: number },
) {
  // An empty field is named (the form checks first; this is the check that counts).
  const missing = missingSignInFields(credentials ?? {});
  if (missing.length > 0) throw new Error(missingFieldsCode(missing));
  const parsed = SignInInput.safeParse(credentials);
  if (!parsed.success) return null;
  const address = requestAddress(headers, deps.trustedProxies);
  if (!address) {
    // Never one shared bucket for everyone: without the custom server there is no peer address.
    console.error(`sign-in refused: no ${PEER_ADDRESS_HEADER} header (serve Accord through server/index.ts)`);
    throw new Error("UNAVAILABLE");
  }
  try {
    return await signInWithPassword({ db: deps.db, limiter: deps.limiter, ...parsed.data, address, now: deps.now });
  } catch (e) {
    // next-auth hands a thrown error's message to the sign-in form as its error code.
    if ((e as { code?: string }).code === "RATE_LIMITED") throw new Error("RATE_LIMITED");
    throw e;
  }
}

// A working day of negotiation; after that, sign in again.
export const SESSION_MAX_AGE_S = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, req) {
        return authorizeSignIn(credentials, req?.headers, { db: db(), limiter, trustedProxies: env().ACCORD_TRUSTED_PROXIES, now: Date.now() });
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.email = user.email;
        token.epoch = user.sessionEpoch ?? 0;
        // This browser session's id: "Sign out" revokes it alone (events.signOut).
        token.sid = newSessionId();
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.epoch = token.epoch ?? 0;
      if (token.sid) session.sid = token.sid;
      return session;
    },
  },
  // "Sign out" ends the session on the server too: the token is refused from now on and its
  // open sockets close (next-auth itself only clears the cookie, and logs what this throws).
  events: { signOut: revokeSignedOutSession },
};
