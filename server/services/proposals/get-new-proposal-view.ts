import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";

/** What the "New proposal" page shows: only for those who may add one. */
export async function getNewProposalView(opts: { db: Db; userId: string | null; workshopId: string }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "proposal.create", workshopId: opts.workshopId });
  const workshop = await opts.db.workshop.findUniqueOrThrow({ where: { id: opts.workshopId }, select: { id: true, title: true } });
  const agendaLength = await opts.db.proposal.count({ where: { workshopId: opts.workshopId } });
  return { workshop, agendaLength };
}
