import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { bumpSessionEpoch } from "./session-epoch.ts";

/**
 * Ends every session of the account: every token issued so far is refused from now on, and
 * open sockets are closed at once (on every node). Returns the new epoch so the caller's own
 * browser can be given a fresh token and stay signed in.
 */
export async function signOutEverywhere(opts: { db: Db; live: LiveNotifier; userId: string | null }): Promise<{ sessionEpoch: number }> {
  if (!opts.userId) throw new AppError("UNAUTHENTICATED");
  const sessionEpoch = await bumpSessionEpoch(opts.db, opts.userId);
  opts.live.accessChanged({ userId: opts.userId });
  return { sessionEpoch };
}
