import type { Db } from "../../../lib/db.ts";
import type { Participant } from "../../../lib/protocol.ts";
import type { Membership } from "../authorize.ts";

/** Who a member is, as others see them in a room: name, role, delegation and its colour. */
export async function loadParticipant(db: Db, membership: Membership): Promise<Participant> {
  const [user, delegation] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: membership.userId }, select: { name: true } }),
    membership.delegationId
      ? db.delegation.findUnique({ where: { id: membership.delegationId }, select: { id: true, name: true, code: true, colour: true } })
      : null,
  ]);
  return { userId: membership.userId, name: user.name, role: membership.role, delegation };
}
