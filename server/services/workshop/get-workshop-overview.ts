import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";

/** Everything a member sees on the workshop page. Throws NOT_FOUND for non-members. */
export async function getWorkshopOverview(opts: { db: Db; userId: string | null; workshopId: string }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "workshop.view", workshopId: opts.workshopId });
  const workshop = await opts.db.workshop.findUniqueOrThrow({
    where: { id: opts.workshopId },
    include: {
      delegations: { orderBy: { createdAt: "asc" } },
      members: { include: { user: { select: { name: true } } }, orderBy: { joinedAt: "asc" } },
      proposals: { orderBy: { position: "asc" }, select: { id: true, title: true, summary: true, state: true, position: true } },
    },
  });
  return {
    viewer: membership,
    workshop: {
      id: workshop.id,
      title: workshop.title,
      description: workshop.description,
      currentProposalId: workshop.currentProposalId,
      timeZone: workshop.timeZone,
      defaultVoteRule: workshop.defaultVoteRule,
      defaultQuorum: workshop.defaultQuorum,
      // Read-only for everyone once set: pages hide what would be refused.
      archivedAt: workshop.archivedAt,
      // Observers see "Outcome record" only when the chair allows it (the download checks again).
      outcomeForObservers: workshop.outcomeForObservers,
    },
    delegations: workshop.delegations.map((d) => ({ id: d.id, name: d.name, code: d.code, colour: d.colour })),
    members: workshop.members.map((m) => ({ id: m.id, name: m.user.name, role: m.role, delegationId: m.delegationId })),
    proposals: workshop.proposals,
  };
}
