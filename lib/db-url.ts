// Which engine a DATABASE_URL names. Shared by the Prisma CLI config, the migration script
// and the runtime client so all three always agree.

export const DEFAULT_DATABASE_URL = "file:./data/accord.db";

export type DbProvider = "sqlite" | "postgresql";

export function providerOf(url: string): DbProvider {
  if (url.startsWith("file:")) return "sqlite";
  if (url.startsWith("postgres://") || url.startsWith("postgresql://")) return "postgresql";
  throw new Error(
    `DATABASE_URL must start with "file:" (SQLite) or "postgresql://" (PostgreSQL); got "${url.split(":")[0]}:…"`,
  );
}

export const SCHEMA_PATHS: Record<DbProvider, { schema: string; migrations: string }> = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgres/schema.prisma", migrations: "prisma/postgres/migrations" },
};
