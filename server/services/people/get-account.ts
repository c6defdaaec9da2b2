import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";

export type AccountView = { id: string; name: string; email: string; isAdmin: boolean; timeZone: string | null };

export async function getAccount(opts: { db: Db; userId: string | null }): Promise<AccountView> {
  if (!opts.userId) throw new AppError("UNAUTHENTICATED");
  const user = await opts.db.user.findUnique({ where: { id: opts.userId }, select: { id: true, name: true, email: true, isAdmin: true, timeZone: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}
