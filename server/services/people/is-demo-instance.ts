// Whether this instance still has the seeded demo accounts with the password the README
// publishes: then anyone can sign in as them, and the pages say so. Checking costs a password
// verification (deliberately slow), so the answer is kept per process and re-checked at most
// every few minutes — or at once after a password changes in this process.
import type { Db } from "../../../lib/db.ts";
import { verifyPassword } from "../../../lib/auth/password.ts";
import { DEMO_PASSWORD, DEMO_USERS } from "../../seed/seed.ts";

/** How long an answer is kept: a demo password changed on another node shows within this. */
export const DEMO_CHECK_TTL_MS = 5 * 60 * 1000;

type Cached = { value: Promise<boolean>; at: number };
// On globalThis: Next's bundle and the custom server each load this module; one answer per process.
const holder = globalThis as unknown as { accordDemoCheck?: Cached };

export function isDemoInstance(db: Db, now: number = Date.now()): Promise<boolean> {
  const cached = holder.accordDemoCheck;
  if (cached && now - cached.at < DEMO_CHECK_TTL_MS) return cached.value;
  const value = checkDemoAccounts(db).catch(() => false);
  holder.accordDemoCheck = { value, at: now };
  return value;
}

/** Drops the kept answer (a password changed): the next call checks again. */
export function forgetDemoInstanceCheck(): void {
  holder.accordDemoCheck = undefined;
}

async function checkDemoAccounts(db: Db): Promise<boolean> {
  const accounts = await db.user.findMany({ where: { email: { in: DEMO_USERS.map((u) => u.email) } }, select: { passwordHash: true } });
  // The seed gives every demo account one hash: each distinct hash is verified once.
  for (const hash of new Set(accounts.map((a) => a.passwordHash))) {
    if (await verifyPassword(DEMO_PASSWORD, hash)) return true;
  }
  return false;
}
