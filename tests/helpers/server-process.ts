// A realtime server in its own process (for crash tests): prints "LISTENING <port>".
import { createDb, tuneSqlite } from "../../lib/db.ts";
import { startAccordServer } from "../../server/app-server.ts";
import { applyMigrations } from "../../server/migrate.ts";

// ACCORD_TEST_MIGRATE=1: applies the migrations first, as the real entry point (server/index.ts) does.
if (process.env.ACCORD_TEST_MIGRATE === "1") await applyMigrations(process.env.DATABASE_URL!);
const db = createDb(process.env.DATABASE_URL!);
if (process.env.DATABASE_URL!.startsWith("file:")) await tuneSqlite(db);
const server = await startAccordServer({ db, secret: process.env.NEXTAUTH_SECRET!, port: 0, host: "127.0.0.1", redisUrl: process.env.REDIS_URL || undefined, clusterSecret: process.env.ACCORD_CLUSTER_SECRET, databaseUrl: process.env.DATABASE_URL });
process.stdout.write(`LISTENING ${server.port}\n`);
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)));
