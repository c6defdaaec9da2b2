// "Saved" means stored, under faults that are not crashes: SQLite's write lock held by another
// process for 12 s while three people type. Every change acknowledged as saved must be in the
// database afterwards (and in a fresh client of a restarted server); during the outage the
// editors say "Not saved — retrying", never "All changes saved"; and the server keeps answering
// requests that need no database (its event loop never waits on the lock).
import { spawn, type ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { createFixture } from "../helpers/fixtures";
import { createTestDb } from "../helpers/test-db";
import { drillOnServerProcess, type Fault } from "../helpers/fault-drill";

const LOCK_MS = 12_000;
const secret = "storage-fault-secret-storage-fault-secret";
const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
});

/** Another process takes the database's write lock and holds it for `ms`. */
function lockSqlite(file: string, ms: number): Fault {
  let locker: ChildProcess | null = null;
  let released: Promise<void> = Promise.resolve();
  return {
    async begin() {
      locker = spawn(process.execPath, ["--import", "tsx", "tests/helpers/sqlite-locker.ts", file, String(ms)], { stdio: ["ignore", "pipe", "inherit"] });
      children.push(locker);
      released = new Promise((r) => locker!.once("exit", () => r()));
      await new Promise<void>((resolve, reject) => {
        locker!.stdout!.on("data", (b: Buffer) => b.toString().includes("LOCKED") && resolve());
        locker!.once("exit", (code) => reject(new Error(`locker exited early (${code})`)));
      });
    },
    // The lock goes when the locker's time is up.
    end: () => released,
  };
}

describe("storage faults (SQLite)", () => {
  it(`loses no acknowledged edit while another process holds the write lock for ${LOCK_MS / 1000} s`, async () => {
    const t = await createTestDb({ engine: "sqlite" });
    const f = await createFixture(t.db, "Start.");
    const file = t.url.replace(/^file:/, "");
    try {
      // Type for most of the lock; the drill then waits for it to end.
      const { checked, report } = await drillOnServerProcess({ t, f, secret, fault: lockSqlite(file, LOCK_MS), outageMs: LOCK_MS - 2000, spawned: children });
      console.log(`SQLite locked ${LOCK_MS} ms: ${checked} acknowledged tokens, 0 lost; ${report.probes.answeredDuringOutage}/${report.probes.sentDuringOutage} probes answered meanwhile`);
    } finally {
      await t.cleanup();
    }
  }, 120_000);
});
