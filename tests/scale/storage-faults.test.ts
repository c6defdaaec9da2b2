// "Saved" means stored when PostgreSQL refuses connections for 10 s while three people type
// (npm run test:scale). The database stops accepting connections and its open ones are cut —
// what a restart, a failover or a full connection table does to the server. Every change
// acknowledged as saved must be in the database afterwards and in a fresh client.
import type { ChildProcess } from "node:child_process";
import { adminQuery } from "../../lib/pg-scratch-database";
import { afterAll, describe, expect, it } from "vitest";
import { createFixture } from "../helpers/fixtures";
import { createTestDb } from "../helpers/test-db";
import { drillOnServerProcess, type Fault } from "../helpers/fault-drill";

const OUTAGE_MS = 10_000;
const PG_SERVER = process.env.ACCORD_TEST_PG_URL?.replace(/\/$/, "");
if (!PG_SERVER) throw new Error("test:scale needs ACCORD_TEST_PG_URL (a PostgreSQL server)");
const secret = "pg-fault-secret-pg-fault-secret-pg-fault";
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

const admin = (sql: string) => adminQuery(PG_SERVER!, sql);

/** The database refuses new connections and its open ones are terminated, until `end`. */
function refuseConnections(database: string): Fault {
  return {
    async begin() {
      await admin(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
      await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}' AND pid <> pg_backend_pid()`);
    },
    async end() {
      await admin(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
    },
  };
}

describe("storage faults (PostgreSQL)", () => {
  it(`loses no acknowledged edit while PostgreSQL refuses connections for ${OUTAGE_MS / 1000} s`, async () => {
    const t = await createTestDb();
    const database = new URL(t.url).pathname.slice(1);
    const f = await createFixture(t.db, "Start.");
    try {
      const { checked, report } = await drillOnServerProcess({ t, f, secret, fault: refuseConnections(database), outageMs: OUTAGE_MS, spawned: children });
      console.log(`PostgreSQL refused connections ${OUTAGE_MS} ms: ${checked} acknowledged tokens, 0 lost; ${report.probes.answeredDuringOutage}/${report.probes.sentDuringOutage} probes answered meanwhile`);
    } finally {
      await admin(`ALTER DATABASE "${new URL(t.url).pathname.slice(1)}" WITH ALLOW_CONNECTIONS true`).catch(() => {});
      await t.cleanup();
    }
  }, 180_000);
});
