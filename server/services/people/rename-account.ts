import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { DisplayName } from "./account-input.ts";

/** The name others see in rooms, lists and the audit log. Self-scoped: only one's own account. */
export async function renameAccount(opts: { db: Db; userId: string | null; name: string }): Promise<{ name: string }> {
  if (!opts.userId) throw new AppError("UNAUTHENTICATED");
  const parsed = DisplayName.safeParse(opts.name);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  await opts.db.user.update({ where: { id: opts.userId }, data: { name: parsed.data } });
  return { name: parsed.data };
}
