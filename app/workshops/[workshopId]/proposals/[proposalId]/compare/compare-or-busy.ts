import { isAppError } from "@/lib/errors";
import { guardPage } from "@/server/auth/page-guard";
import { compareVersions } from "@/server/services/history/compare-versions";

/**
 * The comparison, or the server's "too many waiting" refusal as a message to show (not an error
 * page): Compare and a version's "Changes since" both say so and keep the rest of the page.
 */
export async function compareOrBusy(opts: Parameters<typeof compareVersions>[0]) {
  try {
    return { diff: await guardPage(compareVersions(opts)), busy: null };
  } catch (e) {
    if (isAppError(e) && e.code === "BUSY") return { diff: null, busy: e.message };
    throw e;
  }
}
