import type { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import type { WorkshopCreators } from "../../../lib/domain/instance-access.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assertMayCreateWorkshop } from "../people/instance-access.ts";
import { parseWorkshopDetails, type WorkshopDetailsInput } from "./workshop-details.ts";

/**
 * A new workshop, its creator as its chair (MODERATOR) and the audit entry, in one transaction:
 * a workshop nobody chairs, or one the log does not know about, is never left behind.
 * Instance-scoped: there is no workshop yet to be a member of, so the instance rule decides
 * (ACCORD_WORKSHOP_CREATORS; `creators` overrides it for tests).
 */
export async function createWorkshop(opts: {
  db: Db;
  userId: string | null;
  input: z.input<typeof WorkshopDetailsInput>;
  creators?: WorkshopCreators;
}): Promise<{ workshopId: string }> {
  await assertMayCreateWorkshop(opts.db, opts.userId, opts.creators);
  const userId = opts.userId!;
  const details = parseWorkshopDetails(opts.input);
  return opts.db.$transaction(async (tx) => {
    const workshop = await tx.workshop.create({ data: { ...details, createdById: userId } });
    await tx.member.create({ data: { workshopId: workshop.id, userId, role: "MODERATOR", delegationId: null } });
    await recordAudit(tx, {
      workshopId: workshop.id,
      actorId: userId,
      action: "workshop.create",
      detail: { title: details.title, timeZone: details.timeZone, defaultVoteRule: details.defaultVoteRule, defaultQuorum: details.defaultQuorum },
    });
    return { workshopId: workshop.id };
  });
}
