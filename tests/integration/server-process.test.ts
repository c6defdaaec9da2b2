// The spawned-server helper stops what it started and nothing else: a test process that ends
// without stopping its server takes that server with it, while a server someone else started
// (here: this process) keeps running.
import { afterAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { eventually, spawnServerProcess, type ServerProcess } from "../helpers/test-server";

const secret = "server-process-suite-secret-0123456789";
const dbs: TestDb[] = [];
const servers: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(servers.map((s) => s.stop()));
  for (const d of dbs) await d.cleanup();
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A killed orphan may linger as a zombie until init reaps it: that is not running.
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return true;
  }
}

/** Health of a spawned test server: its socket.io endpoint answers a polling handshake. */
async function answers(url: string): Promise<boolean> {
  const res = await fetch(`${url}/socket.io/?EIO=4&transport=polling`).catch(() => null);
  return res !== null;
}

describe("spawnServerProcess", () => {
  it("a test process that exits without stopping its server takes it along, and only it", async () => {
    const mine = await createTestDb();
    const theirs = await createTestDb();
    dbs.push(mine, theirs);
    // Someone else's server (started here, by this process): it must outlive the other test process.
    const bystander = await spawnServerProcess(mine.url, secret);
    servers.push(bystander);

    // A test process that starts a server through the helper, then exits without any cleanup.
    const script = [
      'import { spawnServerProcess } from "./tests/helpers/test-server.ts";',
      `const s = await spawnServerProcess(${JSON.stringify(theirs.url)}, ${JSON.stringify(secret)});`,
      'console.log("PID " + s.child.pid);',
      "process.exit(0);",
    ].join("\n");
    const testProcess = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    testProcess.stdout!.on("data", (c: Buffer) => (out += c.toString()));
    const code = await new Promise<number | null>((r) => testProcess.once("exit", r));
    expect(code).toBe(0);
    const orphan = Number(/PID (\d+)/.exec(out)?.[1]);
    expect(orphan).toBeGreaterThan(0);

    await eventually(() => !isAlive(orphan), "the abandoned server to be gone");
    expect(isAlive(bystander.child.pid!)).toBe(true);
    expect(await answers(bystander.url)).toBe(true);
  });

  it("stop() waits until the process has exited, and is harmless when it already has", async () => {
    const d = await createTestDb();
    dbs.push(d);
    const s = await spawnServerProcess(d.url, secret);
    await s.stop();
    expect(s.child.exitCode ?? s.child.signalCode).not.toBeNull();
    expect(isAlive(s.child.pid!)).toBe(false);
    await s.stop("SIGKILL");
  });
});
