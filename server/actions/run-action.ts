// Server actions answer with a result the form can show, never a thrown stack.
import { isAppError, toClientError } from "../../lib/errors.ts";

import type { ActionResult } from "../../lib/action-result.ts";

export type { ActionResult };

export async function runAction<T>(fn: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn() };
  } catch (e) {
    if (isAppError(e)) return { ok: false, error: e.message };
    console.error(e);
    const error = toClientError(e);
    // A database that is briefly locked or unreachable says so (try again), not "something went wrong".
    return { ok: false, error: error.code === "INTERNAL" ? "Something went wrong on our side. Try again." : error.message };
  }
}
