import type { Db } from "../../../lib/db.ts";

/** The caller's workshops, in the order they joined (co-chairs each see it as theirs). */
export async function listMyWorkshops(opts: { db: Db; userId: string }) {
  const members = await opts.db.member.findMany({
    where: { userId: opts.userId },
    include: {
      delegation: { select: { name: true, colour: true } },
      workshop: { select: { id: true, title: true, description: true, archivedAt: true, _count: { select: { proposals: true, delegations: true } } } },
    },
    orderBy: { joinedAt: "asc" },
  });
  return members.map((m) => ({
    id: m.workshop.id,
    title: m.workshop.title,
    description: m.workshop.description,
    /** Archived workshops are listed apart ("Archived"), still open for reading. */
    archivedAt: m.workshop.archivedAt,
    role: m.role,
    delegation: m.delegation,
    proposalCount: m.workshop._count.proposals,
    delegationCount: m.workshop._count.delegations,
  }));
}
