// How a server action says no: a named code from the one error table (lib/errors.ts) and a
// message a form can show — never a stack, never the input it refused.
import type { z } from "zod";
import type { ActionFailure } from "../../lib/action-result.ts";
import { ERRORS, isAppError, toClientError } from "../../lib/errors.ts";

/** A form can simply be sent again, which the table's message (shared with sockets) does not say. */
export const INTERNAL_ACTION_MESSAGE = `${ERRORS.INTERNAL.message} Try again.`;
/** Enough fields to find what is wrong, few enough to show in a form's alert. */
const MAX_FIELDS_NAMED = 3;

/** A thrown error as the client sees it: the use case's own code and message, or INTERNAL. */
export function failureOf(e: unknown): ActionFailure {
  // Anything a use case did not name is a bug or an outage: the log gets the details.
  if (!isAppError(e)) console.error(e);
  const { code, message } = toClientError(e);
  return { ok: false, code, message: code === "INTERNAL" ? INTERNAL_ACTION_MESSAGE : message };
}

/** Arguments that failed their schema: INVALID_INPUT, naming each field at fault. */
export function invalidInput(issues: readonly z.core.$ZodIssue[]): ActionFailure {
  const named = issues.slice(0, MAX_FIELDS_NAMED).map((issue) => `${issue.path.map(String).join(".") || "arguments"}: ${issue.message}`);
  const more = issues.length - named.length;
  return { ok: false, code: "INVALID_INPUT", message: named.join("; ") + (more > 0 ? ` (and ${more} more)` : "") };
}
