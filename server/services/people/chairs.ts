import type { Tx } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";

/**
 * Inside the transaction that changed a chair's seat: refuses (rolling it back) when no chair
 * is left. Counting by an update that changes nothing takes the chairs' row locks on PostgreSQL,
 * so two chairs demoting each other at once cannot both commit; SQLite writes one at a time.
 */
export async function assertAChairRemains(tx: Tx, workshopId: string): Promise<void> {
  const { count } = await tx.member.updateMany({ where: { workshopId, role: "MODERATOR" }, data: { role: "MODERATOR" } });
  if (count === 0) throw new AppError("LAST_CHAIR");
}
