// The rules for an account's fields, shared by invite sign-up, the account page, resets, the
// administrators' "Accounts" page and the CLI: one definition, one set of messages.
import { z } from "zod";
import { NewAccountInput } from "../invites/accept-invite.ts";

export const DisplayName = NewAccountInput.shape.name;
export const Email = NewAccountInput.shape.email;
export const NewPassword = NewAccountInput.shape.password;

/** The first problem with `value`, as a person reads it, or null. */
export function problemWith(schema: z.ZodType, value: unknown): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? "This value is not valid.");
}
