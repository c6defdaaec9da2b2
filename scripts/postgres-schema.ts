// The PostgreSQL schema is derived from the SQLite one: only the provider, the placeholder url
// and the generated client's folder differ. CI checks the committed copy is up to date.

const HEADER = "// GENERATED from prisma/schema.prisma by scripts/generate-clients.ts: do not edit.\n";

export function postgresSchemaFrom(sqliteSchema: string): string {
  const out = sqliteSchema
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('url      = "file:./placeholder.db"', 'url      = "postgresql://placeholder"')
    .replace('output       = "../lib/generated/sqlite"', 'output       = "../../lib/generated/postgres"');
  if (out === sqliteSchema) throw new Error("prisma/schema.prisma no longer has the expected datasource lines");
  return HEADER + out;
}
