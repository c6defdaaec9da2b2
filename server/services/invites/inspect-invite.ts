import type { Db } from "../../../lib/db.ts";
import { inviteStatus, type InviteStatus } from "../../../lib/domain/invite.ts";
import type { Role } from "../../../lib/domain/vocabulary.ts";
import { hashInviteToken } from "./invite-token.ts";

export type InviteView =
  | { status: "UNKNOWN" }
  | { status: Exclude<InviteStatus, "VALID"> }
  // The link is fine but its workshop is archived (read-only: no new members).
  | { status: "ARCHIVED" }
  | {
      status: "VALID";
      workshop: { id: string; title: string };
      role: Role;
      delegation: { name: string; colour: string } | null;
    };

/** What the invite page may show. Says nothing about the workshop unless the link is usable. */
export async function inspectInvite(opts: { db: Db; token: string; now: Date }): Promise<InviteView> {
  const invite = await opts.db.invite.findUnique({
    where: { tokenHash: hashInviteToken(opts.token) },
    include: { workshop: { select: { id: true, title: true, archivedAt: true } }, delegation: { select: { name: true, colour: true } } },
  });
  if (!invite) return { status: "UNKNOWN" };
  const status = inviteStatus(invite, opts.now);
  if (status !== "VALID") return { status };
  if (invite.workshop.archivedAt) return { status: "ARCHIVED" };
  return { status, workshop: { id: invite.workshop.id, title: invite.workshop.title }, role: invite.role, delegation: invite.delegation };
}
