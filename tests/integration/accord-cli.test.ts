// `npm run accord -- create-admin`, run for real: the CLI as its own process on a throw-away
// database with the migrations applied, the password piped on stdin as an operator's script would.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { createTestDb, type TestDb } from "../helpers/test-db";

let t: TestDb;

beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => t?.cleanup());

type Run = { code: number | null; stdout: string; stderr: string };

/** The CLI as `npm run accord -- …` runs it (tsx), with `stdin` piped (or nothing: an empty pipe). */
function accord(args: string[], opts: { stdin?: string; databaseUrl?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "server/cli/accord.ts", ...args], {
      env: { ...process.env, DATABASE_URL: opts.databaseUrl ?? t.url },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
    child.once("error", reject);
    child.once("exit", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(opts.stdin ?? "");
  });
}

const PASSWORD = "correct horse battery";

describe("npm run accord -- create-admin", () => {
  it("creates an administrator with the password read from stdin (its trailing newline is not part of it)", async () => {
    const run = await accord(["create-admin", "--email", "  Ops@Example.org ", "--name", "Operations"], { stdin: `${PASSWORD}\n` });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("Created the administrator ops@example.org");
    const user = await t.db.user.findUniqueOrThrow({ where: { email: "ops@example.org" } });
    expect(user).toMatchObject({ name: "Operations", isAdmin: true });
    expect(await verifyPassword(PASSWORD, user.passwordHash)).toBe(true);
    expect(await verifyPassword(`${PASSWORD}\n`, user.passwordHash)).toBe(false);
  });

  it("refuses an existing email without --promote, and changes nothing", async () => {
    const before = await t.db.user.findUniqueOrThrow({ where: { email: "ops@example.org" } });
    const run = await accord(["create-admin", "--email", "ops@example.org", "--name", "Someone Else"], { stdin: "another password\n" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("already exists");
    expect(run.stderr).toContain("--promote");
    expect(await t.db.user.findUniqueOrThrow({ where: { email: "ops@example.org" } })).toEqual(before);
  });

  it("promotes an existing account with --promote, keeping its password (none is asked for)", async () => {
    const member = await t.db.user.create({ data: { email: "chair@example.org", name: "Chair", passwordHash: "kept" } });
    const run = await accord(["create-admin", "--email", "chair@example.org", "--promote"]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("chair@example.org is now an administrator");
    expect(await t.db.user.findUniqueOrThrow({ where: { id: member.id } })).toMatchObject({ isAdmin: true, passwordHash: "kept", name: "Chair" });
  });

  it("applies invite sign-up's password rule", async () => {
    const run = await accord(["create-admin", "--email", "short@example.org", "--name", "Short"], { stdin: "too-short\n" });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("Use at least 10 characters.");
    expect(await t.db.user.findUnique({ where: { email: "short@example.org" } })).toBeNull();
  });

  it("says so when stdin carries no password", async () => {
    const run = await accord(["create-admin", "--email", "nopass@example.org", "--name", "No Pass"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("No password on stdin");
    expect(await t.db.user.findUnique({ where: { email: "nopass@example.org" } })).toBeNull();
  });

  it.each([
    ["no command", [], "Usage: npm run accord"],
    ["an unknown command", ["make-coffee"], 'Unknown command "make-coffee"'],
    ["no --email", ["create-admin", "--name", "Nobody"], "--email is required."],
    ["an unknown option", ["create-admin", "--email", "x@example.org", "--admin"], "Unknown option '--admin'"],
  ])("refuses %s with the usage and exit code 2", async (_name, args, message) => {
    const run = await accord(args, { stdin: `${PASSWORD}\n` });
    expect(run.code).toBe(2);
    expect(run.stderr + run.stdout).toContain(message);
    expect(run.stderr + run.stdout).toContain("Usage: npm run accord -- create-admin");
  });

  it("refuses a malformed email and a too-short name", async () => {
    const badEmail = await accord(["create-admin", "--email", "not-an-email", "--name", "Someone"], { stdin: `${PASSWORD}\n` });
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain("Enter a valid email address.");
    const badName = await accord(["create-admin", "--email", "n@example.org", "--name", "X"], { stdin: `${PASSWORD}\n` });
    expect(badName.code).toBe(1);
    expect(badName.stderr).toContain("--name: Enter your name.");
  });

  it("says what to do on a database that was never migrated (and migrates nothing itself)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "accord-cli-"));
    try {
      const run = await accord(["create-admin", "--email", "ops@example.org", "--name", "Operations"], { stdin: `${PASSWORD}\n`, databaseUrl: `file:${join(dir, "empty.db")}` });
      expect(run.code).toBe(1);
      expect(run.stderr).toContain("no Accord tables yet");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
