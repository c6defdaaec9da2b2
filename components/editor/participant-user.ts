// How a participant is tagged beside their name (presence list, carets). The awareness `user`
// shape itself, built and read the same way by server and browser, is lib/realtime/awareness-user.ts.
import type { Role } from "@/lib/domain/vocabulary";
import type { AwarenessUser } from "@/lib/realtime/awareness-user";

const ROLE_TAG: Record<Role, string> = { MODERATOR: "Chair", DELEGATE: "Delegate", OBSERVER: "Observer" };

/** "CHN" for a delegate, "Chair" / "Observer" for those without a delegation. */
export function affiliationTag(u: AwarenessUser): string {
  return u.delegation?.code ?? ROLE_TAG[u.role];
}
