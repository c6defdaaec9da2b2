// What next-auth's callbacks and events (options.ts) do with a session's id (the token's `sid`):
// drawn at sign-in, revoked at "Sign out" — refused by pages and sockets from then on, and the
// open sockets of that session closed at once (server/services/people/sign-out-session.ts).
import { randomUUID } from "node:crypto";
import type { JWT } from "next-auth/jwt";
import { db } from "../../lib/db.ts";
import { silentNotifier } from "../services/live-notifier.ts";
import { signOutSession } from "../services/people/sign-out-session.ts";
import { realtimeIfRunning } from "../realtime/global.ts";

/** A new session's id, put in its token at sign-in. */
export function newSessionId(): string {
  return randomUUID();
}

/** next-auth's events.signOut (JWT strategy: the decoded token, null when it could not be read). */
export async function revokeSignedOutSession({ token }: { token: JWT | null }): Promise<void> {
  await signOutSession({ db: db(), live: realtimeIfRunning()?.live ?? silentNotifier, token, now: Date.now() });
}
