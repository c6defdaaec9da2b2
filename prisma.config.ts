// Prisma CLI config: the JavaScript schema engine runs migrations through a driver adapter,
// so no engine binary is ever downloaded.
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { DEFAULT_DATABASE_URL, SCHEMA_PATHS, providerOf } from "./lib/db-url.ts";
import { pgMigrationAdapter } from "./lib/pg-migration-adapter.ts";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const provider = providerOf(url);

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: SCHEMA_PATHS[provider].schema,
  migrations: { path: SCHEMA_PATHS[provider].migrations },
  async adapter() {
    if (provider === "postgresql") return pgMigrationAdapter(url);
    return new PrismaBetterSQLite3({ url });
  },
});
