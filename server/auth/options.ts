// next-auth: email + password (Credentials), sessions as signed JWT cookies. The same cookie
// authenticates the socket.io connection (server/realtime/socket-auth.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../../lib/db.ts";
import { missingFieldsCode, missingSignInFields } from "../../lib/sign-in-fields.ts";
import { signInWithPassword } from "../services/people/sign-in-with-password.ts";
import { LoginLimiter } from "./login-limiter.ts";

const limiter = new LoginLimiter();

/** The client's address: the first hop a proxy recorded, else the socket's peer. */
function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0]!.trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" && real ? real : "unknown";
}

const SignInInput = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) });

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
        // An empty field is named (the form checks first; this is the check that counts).
        const missing = missingSignInFields(credentials ?? {});
        if (missing.length > 0) throw new Error(missingFieldsCode(missing));
        const parsed = SignInInput.safeParse(credentials);
        if (!parsed.success) return null;
        try {
          return await signInWithPassword({ db: db(), limiter, ...parsed.data, address: clientAddress(req?.headers), now: Date.now() });
        } catch (e) {
          // next-auth hands a thrown error's message to the sign-in form as its error code.
          if ((e as { code?: string }).code === "RATE_LIMITED") throw new Error("RATE_LIMITED");
          throw e;
        }
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
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      session.epoch = token.epoch ?? 0;
      return session;
    },
  },
};
