import type { Db } from "../../../lib/db.ts";

export async function listMyWorkshops(opts: { db: Db; userId: string }) {
  const members = await opts.db.member.findMany({
    where: { userId: opts.userId },
    include: {
      delegation: { select: { name: true, colour: true } },
      workshop: { select: { id: true, title: true, description: true, _count: { select: { proposals: true, delegations: true } } } },
    },
    orderBy: { joinedAt: "asc" },
  });
  return members.map((m) => ({
    id: m.workshop.id,
    title: m.workshop.title,
    description: m.workshop.description,
    role: m.role,
    delegation: m.delegation,
    proposalCount: m.workshop._count.proposals,
    delegationCount: m.workshop._count.delegations,
  }));
}
