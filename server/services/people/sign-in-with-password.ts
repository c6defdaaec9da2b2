import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import type { LoginLimiter } from "../../auth/login-limiter.ts";
import { normalizeEmail, verifyCredentials, type SignedInUser } from "./verify-credentials.ts";

/** Checks a sign-in within the attempt limits: the user, null for wrong credentials, or RATE_LIMITED. */
export async function signInWithPassword(opts: {
  db: Db;
  limiter: LoginLimiter;
  email: string;
  password: string;
  address: string;
  now: number;
}): Promise<SignedInUser | null> {
  const account = normalizeEmail(opts.email);
  if (!opts.limiter.allows(account, opts.address, opts.now)) throw new AppError("RATE_LIMITED", "Too many sign-in attempts. Wait a few minutes and try again.");
  const user = await verifyCredentials({ db: opts.db, email: opts.email, password: opts.password });
  if (user) opts.limiter.succeeded(account);
  else opts.limiter.failed(account, opts.address, opts.now);
  return user;
}
