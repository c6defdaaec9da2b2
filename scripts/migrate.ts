// Applies committed migrations for the engine DATABASE_URL names (never `db push`).
import { applyMigrations } from "../server/migrate.ts";

await applyMigrations();
