// The one place configuration is read. Validated once; a bad value fails start-up with a
// message naming the variable.
import { isIP } from "node:net";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "./db-url.ts";
import { WORKSHOP_CREATORS } from "./domain/instance-access.ts";

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .default(DEFAULT_DATABASE_URL)
    .refine((u) => {
      try {
        providerOf(u);
        return true;
      } catch {
        return false;
      }
    }, 'must start with "file:" (SQLite) or "postgresql://"'),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must start with "redis://"')
    .optional(),
  // Seals every message between nodes on REDIS_URL (HMAC-SHA256): the same secret on every
  // node; required with REDIS_URL (checked below).
  ACCORD_CLUSTER_SECRET: z.preprocess((v) => (v === "" ? undefined : v), z.string().min(32, "must be at least 32 characters").optional()),
  // Signs session cookies. When unset, the server generates one and keeps it in data/.
  NEXTAUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NEXTAUTH_URL: z.string().url().optional(),
  // Skip seeding the demo workshop into an empty database (tests seed their own data).
  ACCORD_SKIP_SEED: z
    .enum(["0", "1", "true", "false"])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  // Who may create workshops: instance administrators only (the default), or every account.
  ACCORD_WORKSHOP_CREATORS: z.preprocess((v) => (v === "" ? undefined : v), z.enum(WORKSHOP_CREATORS, { error: 'must be "admins" or "everyone"' }).default("admins")),
  // Diagnosis: the event-loop watchdog logs stalls longer than this (ms); unset (or empty) is
  // its default of 1 s. 50 shows what takes the loop's tail.
  ACCORD_EVENT_LOOP_BLOCK_MS: z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.coerce.number({ error: "must be a number of milliseconds" }).positive("must be a number of milliseconds > 0").optional(),
  ),
  // The reverse proxies in front of Accord (comma-separated IP addresses). Only a request whose
  // socket peer is one of them has its X-Forwarded-For believed; unset: none is.
  ACCORD_TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((v) => v.split(",").map((a) => a.trim()).filter((a) => a !== ""))
    .refine((list) => list.every((a) => isIP(a) !== 0), "must be IP addresses separated by commas"),
}).superRefine((e, ctx) => {
  if (e.REDIS_URL !== undefined && e.ACCORD_CLUSTER_SECRET === undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["ACCORD_CLUSTER_SECRET"],
      message: "is required with REDIS_URL: the same secret (at least 32 characters) on every node, e.g. `openssl rand -base64 48`",
    });
  }
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= loadEnv();
  return cached;
}

/**
 * NEXTAUTH_URL defaults to where the server listens, which is known only once it listens
 * (PORT=0 takes any free port). Returns the public URL in effect.
 */
export function settlePublicUrl(listeningUrl: string): string {
  const current = env();
  if (current.NEXTAUTH_URL !== undefined) return current.NEXTAUTH_URL;
  cached = { ...current, NEXTAUTH_URL: listeningUrl };
  // next-auth reads NEXTAUTH_URL from process.env itself (in Next's bundle, which has its own
  // copy of this module), so the default is written there too.
  process.env.NEXTAUTH_URL = listeningUrl;
  return listeningUrl;
}
