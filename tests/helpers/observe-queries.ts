// A view of a Prisma client that runs every query (model operations and raw SQL alike) through
// hooks, so a test can see what each query asked for and what it returned — or hold it back.
import type { Db } from "../../lib/db.ts";

export type QueryCall = { model: string | undefined; operation: string; args: unknown };

export type QueryHooks = {
  /** Awaited before the query runs: a test may hold queries back here. */
  before?(call: QueryCall): void | Promise<void>;
  after?(call: QueryCall & { result: unknown }): void;
};

export function observeQueries(db: Db, hooks: QueryHooks): Db {
  const observed = db.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const call = { model, operation, args };
        await hooks.before?.(call);
        const result = await query(args);
        hooks.after?.({ ...call, result });
        return result;
      },
    },
  });
  // The extended client has the same model API; use cases take the base client's type.
  return observed as unknown as Db;
}

/** The rows a query returned: an array as is, a single object as one row, nothing otherwise. */
export function rowsOf(result: unknown): Array<Record<string, unknown>> {
  if (Array.isArray(result)) return result.filter((r): r is Record<string, unknown> => typeof r === "object" && r !== null);
  if (typeof result === "object" && result !== null) return [result as Record<string, unknown>];
  return [];
}
