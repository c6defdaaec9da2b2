// The Accord process: validate config, migrate, seed an empty database, serve.
import { dirname, resolve } from "node:path";
import { loadEnv } from "../lib/env.ts";
import { createDb, tuneSqlite, setDb } from "../lib/db.ts";
import { providerOf } from "../lib/db-url.ts";
import { isDatabaseEmpty, seedDemo } from "../prisma/seed.ts";
import { applyMigrations } from "./migrate.ts";
import { ensureAuthSecret } from "./secret.ts";
import { startAccordServer } from "./app-server.ts";

const isDev = process.argv.includes("--dev");
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
if (!isDev) (process.env as Record<string, string>).NODE_ENV ??= "production";

let env;
try {
  env = loadEnv();
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

const isSqlite = providerOf(env.DATABASE_URL) === "sqlite";
const dataDir = isSqlite ? dirname(resolve(env.DATABASE_URL.replace(/^file:/, ""))) : resolve("data");
const secret = ensureAuthSecret(dataDir);

applyMigrations(env.DATABASE_URL);
const db = createDb(env.DATABASE_URL);
if (isSqlite) await tuneSqlite(db);
setDb(db);

if (!env.ACCORD_SKIP_SEED && (await isDatabaseEmpty(db))) {
  await seedDemo(db);
  console.log("Seeded the demo workshop (accounts in README.md).");
}

const server = await startAccordServer({ db, secret, port: env.PORT, host: env.HOST, next: { dev: isDev }, redisUrl: env.REDIS_URL, databaseUrl: env.DATABASE_URL });
// next-auth builds its redirect URLs from NEXTAUTH_URL; default it to where we listen.
process.env.NEXTAUTH_URL ??= `http://localhost:${server.port}`;
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
