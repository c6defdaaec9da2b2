import { isAppError } from "@/lib/errors";
import type { ServerError } from "@/components/i18n/use-error-text";
import { guardPage } from "@/server/auth/page-guard";
import { compareVersions } from "@/server/services/history/compare-versions";

/**
 * The comparison, or the server's "too many waiting" refusal (its code and message, worded in the
 * reader's language by CompareBusyNotice) to show instead of an error page: Compare and a
 * version's "Changes since" both say so and keep the rest of the page.
 */
export async function compareOrBusy(opts: Parameters<typeof compareVersions>[0]): Promise<
  { diff: Awaited<ReturnType<typeof compareVersions>>; busy: null } | { diff: null; busy: ServerError }
> {
  try {
    return { diff: await guardPage(compareVersions(opts)), busy: null };
  } catch (e) {
    if (isAppError(e) && e.code === "BUSY") return { diff: null, busy: { code: e.code, message: e.message } };
    throw e;
  }
}
