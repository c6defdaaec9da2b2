import { cache } from "react";
import { getServerSession } from "next-auth";
import { db } from "../../lib/db.ts";
import { loadSessionAccount, type SessionAccount } from "../services/people/session-account.ts";
import { authOptions } from "./options.ts";

export type SessionUser = SessionAccount;

/**
 * The signed-in user of the current request (server components, actions, route handlers), read
 * from the database: null when the account is gone, the token predates its last "Sign out
 * everywhere" (or password change or reset), or this session was signed out ("Sign out"). Two
 * primary-key reads side by side, shared by the layout and the page of one request.
 */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  const id = session?.user?.id;
  if (!id) return null;
  return loadSessionAccount(db(), id, session.epoch, session.sid);
});
