import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user?: DefaultSession["user"] & { id: string };
    /** The account's sessionEpoch the token was issued under (server/auth/session.ts checks it). */
    epoch?: number;
    /** This browser session's id (the token's `sid`): "Sign out" revokes it alone. */
    sid?: string;
  }
  interface User {
    sessionEpoch?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    /** The account's sessionEpoch when the token was issued; older than the account's → refused. */
    epoch?: number;
    /**
     * This session's id, drawn at sign-in: "Sign out" revokes it (RevokedSession) and closes
     * its sockets. Tokens issued before sessions had ids carry none.
     */
    sid?: string;
  }
}
