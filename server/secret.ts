import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { env } from "../lib/env.ts";

/**
 * The session-signing secret: NEXTAUTH_SECRET when set; otherwise one generated on first
 * start and kept in the data folder, so the quick start needs no configuration and sessions
 * survive restarts.
 */
export function ensureAuthSecret(dataDir: string): string {
  const configured = env().NEXTAUTH_SECRET;
  if (configured) return configured;
  const file = join(dataDir, ".auth-secret");
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, "utf8").trim();
  } else {
    mkdirSync(dataDir, { recursive: true });
    secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
  }
  // next-auth (in Next's bundle) reads its secret from process.env itself.
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
