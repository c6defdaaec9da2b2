// Whether a password-reset link can still be used. Pure: the clock is passed in.

/** A reset link works for a day: long enough to reach someone across time zones, short enough that a forgotten one dies. */
export const RESET_LINK_TTL_MS = 24 * 60 * 60 * 1000;

export type ResetLinkFacts = { expiresAt: Date; usedAt: Date | null };
export type ResetLinkStatus = "VALID" | "USED" | "EXPIRED";

export function resetLinkStatus(link: ResetLinkFacts, now: Date): ResetLinkStatus {
  // Single use: once used it says so, even after it would have expired.
  if (link.usedAt !== null) return "USED";
  if (now.getTime() >= link.expiresAt.getTime()) return "EXPIRED";
  return "VALID";
}
