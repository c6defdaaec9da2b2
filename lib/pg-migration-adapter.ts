// PostgreSQL adapter for the Prisma CLI's JavaScript schema engine.
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";

// The js schema engine reads catalog columns of type "char" (oid 18) and "name" (oid 19),
// which the adapter cannot deserialize (prisma/orm#27403); reading them as text fixes it.
type TypeId = Parameters<typeof pg.types.setTypeParser>[0];
const PG_CHAR_OID = 18 as TypeId;
const PG_NAME_OID = 19 as TypeId;

export function pgMigrationAdapter(url: string): PrismaPg {
  pg.types.setTypeParser(PG_CHAR_OID, (v: string) => v);
  pg.types.setTypeParser(PG_NAME_OID, (v: string) => v);
  const u = new URL(url);
  // Discrete fields (not connectionString) so the shadow database override of `database` works.
  return new PrismaPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  });
}
