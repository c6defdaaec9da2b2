// Looking up rows by a list of ids of any length, one bounded `IN (…)` at a time.
//
// Why: Prisma refuses a SQLite query with more than 999 bound parameters ("The query parameter
// limit supported by your database is exceeded"). It splits a lone `{ in: ids }` filter itself,
// but not one combined with other conditions — version cutting failed that way once 1,000 Yjs
// client ids existed. Chunking every id list here keeps each query far from any engine's limit.
//
// Why here, in lib/ beside db.ts, and not in server/services: it is knowledge about the database
// engines, not a use case (services are one verb per file), and it takes a query function rather
// than a client, so the same helper serves the shared client and a transaction client (`tx`).

/**
 * Ids per query. Half of SQLite's 999: the rest of a query (other filters, a `select` of
 * relations) has room for up to 499 more parameters.
 */
export const IN_CHUNK_SIZE = 500;

/**
 * Runs `find` once per chunk of at most IN_CHUNK_SIZE distinct ids, one chunk after another (a
 * transaction client takes one query at a time), and concatenates the rows. No ids, no query.
 *
 *   const users = await findManyInChunks(ids, (chunk) => tx.user.findMany({ where: { id: { in: chunk } } }));
 */
export async function findManyInChunks<Id, Row>(ids: Iterable<Id>, find: (chunk: Id[]) => Promise<Row[]>): Promise<Row[]> {
  // Duplicates in different chunks would fetch the same row twice.
  const unique = [...new Set(ids)];
  const rows: Row[] = [];
  for (let i = 0; i < unique.length; i += IN_CHUNK_SIZE) {
    // Not push(...found): one chunk may match far more rows than a call may take arguments.
    for (const row of await find(unique.slice(i, i + IN_CHUNK_SIZE))) rows.push(row);
  }
  return rows;
}
