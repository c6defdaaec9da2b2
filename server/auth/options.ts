// next-auth: email + password (Credentials), sessions as signed JWT cookies. The same cookie
// authenticates the socket.io connection (server/realtime/socket-auth.ts).
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "../../lib/db.ts";
import { verifyCredentials } from "../services/verify-credentials.ts";

const SignInInput = z.object({ email: z.string().trim().min(3).max(320), password: z.string().min(1).max(200) });

// A working day of negotiation; after that, sign in again.
const SESSION_MAX_AGE_S = 12 * 60 * 60;

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
  pages: { signIn: "/sign-in", error: "/sign-in" },
  providers: [
    CredentialsProvider({
      name: "Email",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials) {
        const parsed = SignInInput.safeParse(credentials);
        if (!parsed.success) return null;
        return verifyCredentials({ db: db(), ...parsed.data });
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.name = user.name;
        token.email = user.email;
      }
      return token;
    },
    session({ session, token }) {
      if (session.user && token.sub) session.user.id = token.sub;
      return session;
    },
  },
};
