import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * The session-signing secret: NEXTAUTH_SECRET when set; otherwise one generated on first
 * start and kept in the data folder, so the quick start needs no configuration and sessions
 * survive restarts.
 */
export function ensureAuthSecret(dataDir: string): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  const file = join(dataDir, ".auth-secret");
  let secret: string;
  if (existsSync(file)) {
    secret = readFileSync(file, "utf8").trim();
  } else {
    mkdirSync(dataDir, { recursive: true });
    secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
  }
  process.env.NEXTAUTH_SECRET = secret;
  return secret;
}
