// Which sign-in fields are missing, in words that name them: the form checks before sending and
// the server (next-auth's authorize) checks again, both with this one rule.

export type SignInField = "email" | "password";

/** The error code the server's authorize throws for a form with missing fields (next-auth passes it on). */
export const MISSING_FIELDS_PREFIX = "MISSING:";

export function missingSignInFields(input: { email?: unknown; password?: unknown }): SignInField[] {
  const missing: SignInField[] = [];
  if (typeof input.email !== "string" || input.email.trim() === "") missing.push("email");
  if (typeof input.password !== "string" || input.password === "") missing.push("password");
  return missing;
}

/** "Email: enter your email address." / "Enter your Email and Password." */
export function missingFieldsMessage(missing: readonly SignInField[]): string | null {
  const hasEmail = missing.includes("email");
  const hasPassword = missing.includes("password");
  if (hasEmail && hasPassword) return "Enter your Email and Password.";
  if (hasEmail) return "Email: enter your email address.";
  if (hasPassword) return "Password: enter your password.";
  return null;
}

/** The code for a server-side refusal, and back ("MISSING:email,password"). */
export function missingFieldsCode(missing: readonly SignInField[]): string {
  return MISSING_FIELDS_PREFIX + missing.join(",");
}
export function parseMissingFieldsCode(code: string | null | undefined): SignInField[] | null {
  if (!code || !code.startsWith(MISSING_FIELDS_PREFIX)) return null;
  const fields = code.slice(MISSING_FIELDS_PREFIX.length).split(",");
  return fields.filter((f): f is SignInField => f === "email" || f === "password");
}
