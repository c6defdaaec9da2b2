import type { Db } from "../../../lib/db.ts";
import type { Role } from "../../../lib/domain/vocabulary.ts";
import { authorize } from "../authorize.ts";

export type MemberRow = { userId: string; name: string; email: string; role: Role; delegationId: string | null; joinedAt: Date };

/** The workshop's members for the chair's "Manage workshop" page, by name. */
export async function listMembers(opts: { db: Db; userId: string | null; workshopId: string }): Promise<MemberRow[]> {
  await authorize({ db: opts.db, userId: opts.userId, action: "people.manage", workshopId: opts.workshopId });
  const members = await opts.db.member.findMany({
    where: { workshopId: opts.workshopId },
    include: { user: { select: { name: true, email: true } } },
  });
  return members
    .map((m) => ({ userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, delegationId: m.delegationId, joinedAt: m.joinedAt }))
    .sort((a, b) => a.name.localeCompare(b.name, "en") || a.email.localeCompare(b.email, "en"));
}
