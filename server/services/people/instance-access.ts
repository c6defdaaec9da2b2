// Instance-level gates (not tied to a workshop): creating workshops and administering accounts.
// The rules are in lib/domain/instance-access.ts; this loads the caller's flag and throws a
// named error when the rule says no.
import type { Db } from "../../../lib/db.ts";
import { mayAdminister, mayCreateWorkshop, type WorkshopCreators } from "../../../lib/domain/instance-access.ts";
import { env } from "../../../lib/env.ts";
import { AppError } from "../../../lib/errors.ts";

async function loadInstanceUser(db: Db, userId: string | null): Promise<{ id: string; isAdmin: boolean }> {
  if (!userId) throw new AppError("UNAUTHENTICATED");
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, isAdmin: true } });
  if (!user) throw new AppError("UNAUTHENTICATED");
  return user;
}

/** Whether this user may create a workshop (for showing or hiding "New workshop"). */
export async function userMayCreateWorkshop(db: Db, userId: string | null, setting: WorkshopCreators = env().ACCORD_WORKSHOP_CREATORS): Promise<boolean> {
  if (!userId) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  return mayCreateWorkshop(user, setting);
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the user may create a workshop. */
export async function assertMayCreateWorkshop(db: Db, userId: string | null, setting: WorkshopCreators = env().ACCORD_WORKSHOP_CREATORS): Promise<void> {
  const user = await loadInstanceUser(db, userId);
  if (!mayCreateWorkshop(user, setting)) throw new AppError("FORBIDDEN", "Only an administrator of this instance can create workshops.");
}

/** Throws UNAUTHENTICATED or FORBIDDEN unless the user is an instance administrator. */
export async function assertAdministrator(db: Db, userId: string | null): Promise<void> {
  const user = await loadInstanceUser(db, userId);
  if (!mayAdminister(user)) throw new AppError("FORBIDDEN", "Only an administrator of this instance can do this.");
}

/** Whether the user is an instance administrator (no throw). */
export async function isAdministrator(db: Db, userId: string | null): Promise<boolean> {
  if (!userId) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { isAdmin: true } });
  return mayAdminister(user);
}
