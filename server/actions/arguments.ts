// Schemas for what a server action receives. An action is a public HTTP endpoint: its arguments
// are whatever a client sends, whatever TypeScript said. These check shape and size only; the
// use cases keep the rules and the messages a person reads ("Give the version a name."), so
// what a person can type into a form gets the use case's answer, not one of these.
import { z } from "zod";

/** Row ids are cuids (25 characters); the use cases accept up to 64 (see BallotInput). */
export const MAX_ID_LENGTH = 64;
/** Invite tokens are 43 characters (32 random bytes, base64url); room for another encoding. */
export const MAX_TOKEN_LENGTH = 128;
/**
 * Well above the longest text any use case accepts (an explanation of position: 2,000
 * characters), so a person who types too much reads the use case's own message; what is beyond
 * is not typing, and is refused before it reaches a use case or the database.
 */
export const MAX_TEXT_LENGTH = 10_000;

/** Ids and tokens are letters, digits, "-" and "_" (cuids, base64url): safe inside a revalidated path. */
const URL_SAFE = /^[\w-]+$/;

export const Id = z.string().min(1).max(MAX_ID_LENGTH).regex(URL_SAFE, "expected an id");
export const InviteToken = z.string().min(1).max(MAX_TOKEN_LENGTH).regex(URL_SAFE, "expected an invite token");
export const Text = z.string().max(MAX_TEXT_LENGTH);

/**
 * useActionState hands an action its previous result first. The actions never read it, and React
 * has already decoded it within Next's body limit, so any value is accepted and then ignored.
 */
export const PreviousState = z.unknown();

/**
 * A form's fields, read as the forms send them: the first value under each declared name (what
 * `form.get` returns). Undeclared entries — React's own `$ACTION_…` fields among them — are
 * ignored; a declared field that is missing or a file is refused, naming the field.
 */
export function formFields<Shape extends z.ZodRawShape>(shape: Shape) {
  return z
    .instanceof(FormData, { message: "expected the form's data" })
    .transform((form): Record<string, unknown> => Object.fromEntries(Object.keys(shape).map((name) => [name, form.get(name) ?? undefined])))
    .pipe(z.object(shape));
}
