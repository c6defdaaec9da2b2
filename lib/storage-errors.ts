// Which failures mean "the database cannot be used right now" (retry later, tell the user it
// will be retried) rather than "this request is wrong". Errors arrive in several shapes: Prisma's
// (a P-code), a driver adapter's (a `cause.kind`), node's socket errors, pg's SQLSTATE, SQLite's.
import { isSqliteBusy } from "./sqlite-busy.ts";

/** Prisma: can't reach / timed out / connection closed / pool timeout / transaction could not start or expired. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);
/** Driver adapters' names for the same conditions. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionAlreadyClosed"]);
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH", "ENETUNREACH"]);
/**
 * PostgreSQL SQLSTATEs: connection exceptions (08…), too many connections, shutting down,
 * cannot connect now, database not accepting connections (55000 with ALLOW_CONNECTIONS false).
 */
const PG_STATES = /^(08|53300|57P0[1-3]|55000$)/;

function fieldsOf(e: unknown): unknown[] {
  const out: unknown[] = [];
  // Wrapped errors: Prisma's meta/cause, the adapter's cause, pg's own.
  let cur: unknown = e;
  for (let depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    out.push(cur);
    const c = cur as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    cur = c.meta?.driverAdapterError ?? c.cause;
  }
  return out;
}

export function isStorageUnavailable(e: unknown): boolean {
  if (isSqliteBusy(e)) return true;
  for (const f of fieldsOf(e)) {
    const o = f as { code?: unknown; kind?: unknown; originalCode?: unknown; errorCode?: unknown; message?: unknown; cause?: { kind?: unknown } };
    if (typeof o.code === "string" && (PRISMA_CODES.has(o.code) || SOCKET_CODES.has(o.code) || PG_STATES.test(o.code))) return true;
    if (typeof o.errorCode === "string" && PRISMA_CODES.has(o.errorCode)) return true;
    if (typeof o.kind === "string" && ADAPTER_KINDS.has(o.kind)) return true;
    if (typeof o.originalCode === "string" && (SOCKET_CODES.has(o.originalCode) || PG_STATES.test(o.originalCode))) return true;
    if (typeof o.message === "string" && /not currently accepting connections|Connection terminated|connect ECONNREFUSED|the database system is (starting up|shutting down)/i.test(o.message)) return true;
    if (isSqliteBusy(f)) return true;
  }
  return false;
}

/** Prisma's "unique constraint failed" (P2002): two writers raced to create the same row. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: string }).code === "P2002";
}
