// PostgreSQL adapter for the Prisma CLI's JavaScript schema engine (migrations only).
import { PrismaPg } from "@prisma/adapter-pg";

// The schema engine reads catalog columns of type "char" (oid 18) and "name" (oid 19), which
// the adapter refuses to deserialize (prisma/orm#27403). Both are plain text: report them as
// text (oid 25) before the adapter maps column types.
const TEXT_LIKE_OIDS = new Set([18, 19]);
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type Queryable = { performIO(query: unknown): Promise<{ fields: Field[] }> };

let isPatched = false;
function patchQueryable(adapter: object): void {
  if (isPatched) return;
  // performIO lives on the base class shared by the adapter and its transactions.
  let proto: object | null = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (!proto) return;
  const original = (proto as Queryable).performIO;
  (proto as Queryable).performIO = async function (this: Queryable, query: unknown) {
    const result = await original.call(this, query);
    for (const f of result.fields) if (TEXT_LIKE_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
    return result;
  };
  isPatched = true;
}

class MigrationPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    patchQueryable(adapter);
    return adapter;
  }
  override async connectToShadowDb() {
    const adapter = await super.connectToShadowDb();
    patchQueryable(adapter);
    return adapter;
  }
}

export function pgMigrationAdapter(url: string): PrismaPg {
  const u = new URL(url);
  // Discrete fields (not connectionString) so the shadow database override of `database` works.
  return new MigrationPg({
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
  });
}
