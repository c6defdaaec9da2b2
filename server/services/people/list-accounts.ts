import type { Db } from "../../../lib/db.ts";
import { assertAdministrator } from "./instance-access.ts";

export type AccountRow = { id: string; name: string; email: string; isAdmin: boolean; workshops: number; createdAt: Date };

/** How many accounts the administrators' page lists at once (a search narrows it). */
export const ACCOUNTS_PAGE_SIZE = 200;

/** Every account, for the administrators' "Accounts" page: by name, optionally narrowed by a search. */
export async function listAccounts(opts: { db: Db; userId: string | null; search?: string }): Promise<{ accounts: AccountRow[]; total: number }> {
  await assertAdministrator(opts.db, opts.userId);
  const q = opts.search?.trim().slice(0, 100);
  const where = q ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] } : {};
  const [rows, total] = await Promise.all([
    opts.db.user.findMany({
      where,
      orderBy: [{ name: "asc" }, { email: "asc" }],
      take: ACCOUNTS_PAGE_SIZE,
      select: { id: true, name: true, email: true, isAdmin: true, createdAt: true, _count: { select: { memberships: true } } },
    }),
    opts.db.user.count({ where }),
  ]);
  return { accounts: rows.map(({ _count, ...r }) => ({ ...r, workshops: _count.memberships })), total };
}
