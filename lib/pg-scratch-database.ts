// A throw-away PostgreSQL database on a given server (tests and benchmarks): a random name,
// created at once, dropped with its open connections when done.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** One statement on the server's maintenance database (`postgres`). */
export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres` });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** `serverUrl` is postgresql://user@host:port without a database name. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  return { name, url: `${serverUrl}/${name}`, drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
