// How a participant is tagged beside their name (presence list, carets). The awareness `user`
// shape itself, built and read the same way by server and browser, is lib/realtime/awareness-user.ts.
import type { Role } from "@/lib/domain/vocabulary";
import type { AwarenessUser } from "@/lib/realtime/awareness-user";

/**
 * "CHN" for a delegate (a code is data, shown as it is), else the role's name in the reader's
 * language ("Chair" / "Observer"), which `roleName` words (editor.participant.role.*).
 */
export function affiliationTag(u: AwarenessUser, roleName: (role: Role) => string): string {
  return u.delegation?.code ?? roleName(u.role);
}
