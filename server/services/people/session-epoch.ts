import type { Db, Tx } from "../../../lib/db.ts";

/**
 * Outdates every session token of the account: tokens carry the epoch they were issued under,
 * and pages and sockets refuse one older than the account's (see session-account.ts).
 * Returns the new epoch, for re-issuing the caller's own token when it should stay signed in.
 */
export async function bumpSessionEpoch(db: Db | Tx, userId: string): Promise<number> {
  const user = await db.user.update({ where: { id: userId }, data: { sessionEpoch: { increment: 1 } }, select: { sessionEpoch: true } });
  return user.sessionEpoch;
}
