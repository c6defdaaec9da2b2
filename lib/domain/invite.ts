// Whether an invite link can still be used. Pure: the clock is passed in.

export type InviteFacts = { expiresAt: Date; uses: number; maxUses: number; revokedAt: Date | null };
export type InviteStatus = "VALID" | "REVOKED" | "EXPIRED" | "USED_UP";

export function inviteStatus(invite: InviteFacts, now: Date): InviteStatus {
  // Revocation is the chair's explicit word: it wins over every other reason.
  if (invite.revokedAt !== null) return "REVOKED";
  if (now.getTime() >= invite.expiresAt.getTime()) return "EXPIRED";
  if (invite.uses >= invite.maxUses) return "USED_UP";
  return "VALID";
}
