import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";

/** What the "Edit details" page shows: the workshop's details, for a chair of a workshop not archived. */
export async function getWorkshopSettings(opts: { db: Db; userId: string | null; workshopId: string }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "workshop.edit", workshopId: opts.workshopId });
  const w = await opts.db.workshop.findUniqueOrThrow({
    where: { id: opts.workshopId },
    select: { id: true, title: true, description: true, timeZone: true, defaultVoteRule: true, defaultQuorum: true, outcomeForObservers: true, _count: { select: { delegations: true } } },
  });
  const { _count, ...details } = w;
  return { ...details, delegationCount: _count.delegations };
}
