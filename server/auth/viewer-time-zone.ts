// The zone the signed-in viewer reads times in: their account's (detected from the browser at
// first sign-in, or chosen), else UTC. Pages pass it to <LocalTime>, and the workshop layout to
// ViewerZoneProvider, so no time is ever written in the server's or the browser's own zone.
import { DEFAULT_TIME_ZONE, normalizeTimeZone } from "../../lib/time/time-format.ts";
import { currentUser } from "./session.ts";

export async function viewerTimeZone(): Promise<string> {
  // currentUser() reads the account's row (once per request) and so carries its timeZone.
  const user = await currentUser();
  if (!user) return DEFAULT_TIME_ZONE;
  // Unset (not yet detected), or a zone this runtime does not know (older ICU, hand-edited row): UTC.
  return normalizeTimeZone(user.timeZone);
}
