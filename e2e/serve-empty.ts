// The production-like e2e server: a brand-new database, no demo (ACCORD_SKIP_SEED=1 in the
// environment), the real server. Everything in it is made through the app and its CLI.
import { rmSync } from "node:fs";

const url = process.env.DATABASE_URL ?? "file:./data/e2e-empty.db";
const file = url.replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });

await import("../server/index.ts");
