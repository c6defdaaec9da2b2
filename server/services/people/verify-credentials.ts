import type { Db } from "../../../lib/db.ts";
import { dummyPasswordHash, verifyPassword } from "../../../lib/auth/password.ts";

/** `sessionEpoch` goes into the session token: a later "Sign out everywhere" outdates it. */
export type SignedInUser = { id: string; name: string; email: string; sessionEpoch: number };

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The user for this email and password, or null. Costs the same whether or not the email exists. */
export async function verifyCredentials(opts: { db: Db; email: string; password: string }): Promise<SignedInUser | null> {
  const user = await opts.db.user.findUnique({ where: { email: normalizeEmail(opts.email) } });
  const stored = user?.passwordHash ?? (await dummyPasswordHash());
  const isValid = await verifyPassword(opts.password, stored);
  if (!user || !isValid) return null;
  return { id: user.id, name: user.name, email: user.email, sessionEpoch: user.sessionEpoch };
}
