// Who sits in a workshop and as what: the rules a chair's changes to members and delegations
// must keep. Pure; the use cases (server/services/people, server/services/workshop) load the
// facts and ask.
import type { Role } from "./vocabulary.ts";

/**
 * Whether a member's seat is coherent: a delegate speaks for a delegation, so needs one; an
 * observer sits in none; a chair may (a chair who is also their country's delegate) or not.
 * Returns the delegation to store, or the reason in words.
 */
export function seatFor(role: Role, delegationId: string | null): { ok: true; delegationId: string | null } | { ok: false; reason: string } {
  if (role === "DELEGATE" && !delegationId) return { ok: false, reason: "Delegation: a delegate needs a delegation." };
  return { ok: true, delegationId: role === "OBSERVER" ? null : delegationId };
}

/**
 * Whether a change takes the workshop's last chair away: nobody could then manage it (invite,
 * run votes, change roles). `next` is the member's new role, or null when they are removed.
 * `chairs` counts the workshop's chairs before the change, this member included.
 */
export function losesLastChair(current: Role, next: Role | null, chairs: number): boolean {
  return current === "MODERATOR" && next !== "MODERATOR" && chairs <= 1;
}

/**
 * Whether a delegation may be deleted: not while anyone sits in it (they would silently lose
 * their seat) nor once it has cast a ballot (the vote record names it). Text it wrote keeps its
 * authorship either way: journal and versions record the delegation's id, not a link to it.
 */
export function delegationDeletable(usage: { members: number; ballots: number }): { ok: true } | { ok: false; reason: string } {
  if (usage.members > 0) {
    const who = usage.members === 1 ? "1 member sits" : `${usage.members} members sit`;
    return { ok: false, reason: `${who} in this delegation: move them to another delegation or remove them first.` };
  }
  if (usage.ballots > 0) return { ok: false, reason: "This delegation has cast ballots, which the vote record keeps; it cannot be deleted." };
  return { ok: true };
}

/** The name shown for an author whose account no longer exists (their words stay in the record). */
export const FORMER_MEMBER_NAME = "A former member";
