import type { Db } from "../../../lib/db.ts";
import { throttleKeys } from "../../../lib/domain/login-delay.ts";
import { AppError } from "../../../lib/errors.ts";
import type { LoginLimiter } from "../../auth/login-limiter.ts";
import { normalizeEmail, verifyCredentials, type SignedInUser } from "./verify-credentials.ts";

/**
 * Checks a sign-in within the attempt limits: the user, null for wrong credentials, or
 * RATE_LIMITED while an earlier failure's delay lasts (even for the right password; see
 * lib/domain/login-delay.ts). `address` is the client's (lib/domain/client-address.ts).
 */
export async function signInWithPassword(opts: {
  db: Db;
  limiter: LoginLimiter;
  email: string;
  password: string;
  address: string;
  now: number;
}): Promise<SignedInUser | null> {
  if (!opts.address) throw new Error("signInWithPassword: no client address (refusing to count attempts under a shared key)");
  const keys = throttleKeys(normalizeEmail(opts.email), opts.address);
  const wait = await opts.limiter.wait([keys.account, keys.address], opts.now);
  if (wait > 0) throw new AppError("RATE_LIMITED", `Too many failed sign-ins. Try again in ${Math.ceil(wait / 1000)} s.`);
  const user = await verifyCredentials({ db: opts.db, email: opts.email, password: opts.password });
  if (user) await opts.limiter.succeeded([keys.account]);
  else await opts.limiter.failed([keys.account, keys.address], opts.now);
  return user;
}
