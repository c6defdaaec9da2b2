// The e2e server: a fresh database with the demo workshop plus a second workshop the demo
// people are not in (to prove isolation), then the real server in production mode.
import { rmSync } from "node:fs";
import { createDb } from "../lib/db.ts";
import { applyMigrations } from "../server/migrate.ts";
import { seedDemo } from "../server/seed/seed.ts";
import { seedOtherWorkshop } from "./fixtures/other-workshop.ts";

const url = process.env.DATABASE_URL ?? "file:./data/e2e.db";
const file = url.replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });

applyMigrations(url);
const db = createDb(url);
await seedDemo(db);
await seedOtherWorkshop(db);
await db.$disconnect();

await import("../server/index.ts");
