// `npm run accord -- create-admin`, run for real: the CLI as its own process on a throw-away
// database with the migrations applied, the password piped on stdin as an operator's script would.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../lib/auth/password";
import { sealOutcomeRecord, type OutcomeRecord } from "../../lib/domain/outcome-record";
import { sha256Hex, versionHash, type ChainedVersion } from "../../lib/domain/version-chain";
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

describe("npm run accord -- verify-record", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "accord-record-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** A sealed record of two proposals: one adopted (its text and vote), one still drafting. */
  function record(): OutcomeRecord {
    const v: ChainedVersion = {
      proposalId: "p1",
      number: 2,
      kind: "VOTE",
      label: "Put to the vote: Adopt?",
      text: "Article 1. The Parties cooperate.",
      contributors: [],
      authorId: "chair",
      createdAt: new Date(Date.UTC(2026, 10, 28, 10)),
      stateSha256: sha256Hex("state"),
      prevHash: sha256Hex("version 1"),
    };
    const hash = versionHash(v);
    return sealOutcomeRecord({
      workshop: { id: "w1", title: "Trade cooperation", timeZone: "Asia/Tokyo" },
      generatedAt: "2026-11-28T12:00:00.000Z",
      entries: [
        { proposal: { id: "p0", title: "Agenda", position: 0, state: "DRAFTING" }, version: null, vote: null, chainHead: null },
        {
          proposal: { id: "p1", title: "Public health", position: 1, state: "ADOPTED" },
          version: { ...v, contributors: [], createdAt: v.createdAt.toISOString(), hash },
          vote: {
            question: "Adopt?",
            rule: "CONSENSUS",
            quorum: 1,
            isOpenBallot: true,
            status: "CLOSED",
            openedAt: "2026-11-28T10:00:00.000Z",
            closedAt: "2026-11-28T10:05:00.000Z",
            versionNumber: 2,
            versionHash: hash,
            totals: { rule: "CONSENSUS", quorum: 1, yes: 1, no: 0, abstain: 0, cast: 1, isQuorate: true, isAdopted: true, reason: "ADOPTED" },
            outcome: "ADOPTED",
            ballots: [{ delegation: { code: "CHN", name: "China" }, choice: "YES" }],
          },
          chainHead: { number: 2, hash },
        },
      ],
    });
  }

  function write(name: string, content: string): string {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  }

  it("says intact with the number of entries and the record hash, exit code 0", async () => {
    const r = record();
    const run = await accord(["verify-record", write("intact.json", JSON.stringify(r, null, 2))]);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe(`intact (2 entries, record hash ${r.recordHash})`);
    expect(run.code).toBe(0);
  });

  it("names the first broken entry, exit code 1", async () => {
    const r = record();
    r.entries[1]!.version!.text = "Article 1. The Parties may cooperate.";
    const run = await accord(["verify-record", write("tampered.json", JSON.stringify(r))]);
    expect(run.stdout.trim()).toBe("broken at entry 2 (“Public health”): the adopted text does not match its version hash");
    expect(run.code).toBe(1);

    const totals = record();
    totals.entries[1]!.vote!.totals!.yes = 2;
    const again = await accord(["verify-record", write("totals.json", JSON.stringify(totals))]);
    expect(again.stdout).toContain("broken at entry 2 (“Public health”): the totals do not add up");
    expect(again.code).toBe(1);

    const header = record();
    header.workshop.title = "Another workshop";
    const headerRun = await accord(["verify-record", write("header.json", JSON.stringify(header))]);
    expect(headerRun.stdout).toContain("broken: The record's header");
    expect(headerRun.code).toBe(1);
  });

  it.each([
    ["a missing file", () => join(dir, "nowhere.json"), "no such file"],
    ["a file that is not JSON", () => write("not.json", "{ intact: yes"), "is not JSON"],
    ["JSON that is not a record", () => write("shape.json", JSON.stringify({ format: "accord-outcome-record/1", entries: [] })), "Not an outcome record: record.workshop: expected an object"],
    ["a directory", () => dir, "is not a file"],
  ])("refuses %s with a clear message, exit code 2", async (_what, path, message) => {
    const run = await accord(["verify-record", path()]);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
    expect(run.code).toBe(2);
  });

  it("refuses a file over 50 MB without reading it", async () => {
    const path = join(dir, "huge.json");
    writeFileSync(path, "");
    truncateSync(path, 50 * 1024 * 1024 + 1);
    const run = await accord(["verify-record", path]);
    expect(run.stderr).toContain("at most 50 MB");
    expect(run.code).toBe(2);
  });

  it("asks for exactly one file", async () => {
    const run = await accord(["verify-record"]);
    expect(run.stderr).toContain("verify-record takes one file");
    expect(run.stderr).toContain("npm run accord -- verify-record <file.json>");
    expect(run.code).toBe(2);
  });
});
