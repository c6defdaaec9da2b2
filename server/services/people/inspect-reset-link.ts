import type { Db } from "../../../lib/db.ts";
import { resetLinkStatus, type ResetLinkStatus } from "../../../lib/domain/password-reset.ts";
import { hashInviteToken } from "../invites/invite-token.ts";

export type ResetLinkView = { status: "UNKNOWN" } | { status: Exclude<ResetLinkStatus, "VALID"> } | { status: "VALID"; name: string; email: string };

/** What the reset page may show: whose account, only while the link is usable. */
export async function inspectResetLink(opts: { db: Db; token: string; now: Date }): Promise<ResetLinkView> {
  const link = await opts.db.passwordReset.findUnique({
    where: { tokenHash: hashInviteToken(opts.token) },
    include: { user: { select: { name: true, email: true } } },
  });
  if (!link) return { status: "UNKNOWN" };
  const status = resetLinkStatus(link, opts.now);
  if (status !== "VALID") return { status };
  return { status, name: link.user.name, email: link.user.email };
}
