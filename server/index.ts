// The Accord process: validate config, migrate, seed an empty database, serve.
import { dirname, resolve } from "node:path";
import { env, settlePublicUrl, type Env } from "../lib/env.ts";
import { createDb, tuneSqlite, setDb } from "../lib/db.ts";
import { providerOf } from "../lib/db-url.ts";
import { isDatabaseEmpty, seedDemo } from "./seed/seed.ts";
import { applyMigrations } from "./migrate.ts";
import { ensureAuthSecret } from "./secret.ts";
import { startAccordServer } from "./app-server.ts";

const isDev = process.argv.includes("--dev");
// Writes, not reads: Next and React configure themselves from these, so they are set here,
// before lib/env.ts validates the environment (NODE_ENV included) once.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
if (!isDev) (process.env as Record<string, string>).NODE_ENV ??= "production";

// Validated once, here: every later env() in this process reads the same checked values.
let config: Env;
try {
  config = env();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

const isSqlite = providerOf(config.DATABASE_URL) === "sqlite";
const dataDir = isSqlite ? dirname(resolve(config.DATABASE_URL.replace(/^file:/, ""))) : resolve("data");
const secret = ensureAuthSecret(dataDir);

await applyMigrations(config.DATABASE_URL);
const db = createDb(config.DATABASE_URL);
if (isSqlite) await tuneSqlite(db);
setDb(db);

if (!config.ACCORD_SKIP_SEED && (await isDatabaseEmpty(db))) {
  await seedDemo(db);
  console.log("Seeded the demo workshop (accounts in README.md).");
}

const server = await startAccordServer({ db, secret, port: config.PORT, host: config.HOST, next: { dev: isDev }, redisUrl: config.REDIS_URL, clusterSecret: config.ACCORD_CLUSTER_SECRET, databaseUrl: config.DATABASE_URL });
// next-auth builds its redirect URLs from NEXTAUTH_URL, and the socket handshake accepts its
// origin; default it to where we listen.
settlePublicUrl(`http://localhost:${server.port}`);
console.log(`Accord is ready on http://localhost:${server.port}`);

let isClosing = false;
async function shutdown(signal: string) {
  if (isClosing) return;
  isClosing = true;
  console.log(`${signal}: closing…`);
  await server.close();
  await db.$disconnect();
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
