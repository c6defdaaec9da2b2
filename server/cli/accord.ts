// `npm run accord -- <command>`: operator commands, run on the server's machine against the
// database DATABASE_URL names (the same configuration and client as the server; nothing is
// migrated or seeded here).
//
//   npm run accord -- create-admin --email ops@example.org --name "Ops Team" [--promote]
//   npm run accord -- verify-record outcome-record.json
//
// The password is asked for (hidden) on a terminal, or read from the first line of stdin when
// piped: `printf '%s\n' "$PASSWORD" | npm run accord -- create-admin …`.
//
// verify-record is offline: it reads only the file (no database, no configuration) and checks it
// with the same pure code the server uses (lib/domain/outcome-record.ts). Exit 0 intact, 1 broken,
// 2 when the file cannot be read or is not an outcome record.
import { readFile, stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { env } from "../../lib/env.ts";
import { createDb, type Db } from "../../lib/db.ts";
import { isAppError } from "../../lib/errors.ts";
import { OUTCOME_RECORD_MAX_BYTES, entryLabel, verifyRecord } from "../../lib/domain/outcome-record.ts";
import { createAdministrator } from "../services/people/create-administrator.ts";

const USAGE = `Usage: npm run accord -- create-admin --email <email> --name <name> [--promote]
       npm run accord -- verify-record <file.json>

  create-admin   Create an instance administrator (may create workshops and accounts, and
                 issue password-reset links). The password is asked for, or read from stdin.
    --email      the account's email (its sign-in name)
    --name       the name others see (not needed with --promote)
    --promote    if an account with this email exists, make it an administrator (its password
                 is kept); without it an existing email is refused

  verify-record  Check an outcome record file against its own hashes, offline (no database):
                 prints "intact (…)" and exits 0, or where it is broken and exits 1; exits 2
                 when the file cannot be read or is not an outcome record (at most 50 MB).`;

class UsageError extends Error {}
/** The file to verify cannot be read, or is not an outcome record: exit 2, without the usage. */
class FileError extends Error {}

async function verifyRecordFile(args: string[]): Promise<{ line: string; code: 0 | 1 }> {
  const { positionals } = parseArgs({ args, options: {}, allowPositionals: true, strict: true });
  if (positionals.length !== 1) throw new UsageError("verify-record takes one file: the outcome record (.json).");
  const path = positionals[0]!;
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new FileError(`${path} is not a file.`);
    if (info.size > OUTCOME_RECORD_MAX_BYTES) throw new FileError(`${path} is ${(info.size / 1024 / 1024).toFixed(1)} MB: an outcome record file is at most ${OUTCOME_RECORD_MAX_BYTES / 1024 / 1024} MB.`);
    text = await readFile(path, "utf8");
  } catch (e) {
    if (e instanceof FileError) throw e;
    const code = (e as { code?: string }).code;
    throw new FileError(code === "ENOENT" ? `${path}: no such file.` : `${path} cannot be read (${code ?? (e as Error).message}).`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new FileError(`${path} is not JSON (${(e as Error).message}).`);
  }
  const report = verifyRecord(json);
  if (report.intact) return { line: `intact (${report.entries} ${report.entries === 1 ? "entry" : "entries"}, record hash ${report.recordHash})`, code: 0 };
  if (report.reason === "malformed") throw new FileError(`${path}: ${report.message}`);
  if (report.entry === null) return { line: `broken: ${report.message}`, code: 1 };
  const label = `${entryLabel(report.entry, report.proposal ?? "")}: `;
  const detail = report.message.startsWith(label) ? report.message.slice(label.length) : report.message;
  return { line: `broken at entry ${report.entry + 1} (“${report.proposal}”): ${detail}`, code: 1 };
}

/** One line from a terminal with echo off (Enter ends it; Ctrl-C aborts). */
function promptHidden(question: string): Promise<string> {
  const stdin = process.stdin;
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    let typed = "";
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    const done = (fn: () => void) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off("data", onData);
      process.stderr.write("\n");
      fn();
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") return done(() => resolve(typed));
        if (ch === "\u0003") return done(() => reject(new UsageError("Cancelled.")));
        if (ch === "\u007f" || ch === "\b") typed = typed.slice(0, -1);
        else if (ch >= " ") typed += ch;
      }
    };
    stdin.on("data", onData);
  });
}

/** The first line of a piped stdin (a trailing newline or CRLF is not part of the password). */
async function readPipedLine(): Promise<string> {
  let data = "";
  process.stdin.setEncoding("utf8");
  for await (const chunk of process.stdin) data += chunk as string;
  return data.split(/\r?\n/)[0] ?? "";
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const line = await readPipedLine();
    if (!line) throw new UsageError("No password on stdin: pipe it as the first line, or run the command in a terminal to be asked.");
    return line;
  }
  const first = await promptHidden("Password for the new administrator (at least 10 characters): ");
  const again = await promptHidden("The same password again: ");
  if (first !== again) throw new UsageError("The two passwords differ. Nothing was created.");
  return first;
}

async function createAdmin(args: string[], db: () => Db): Promise<string> {
  const { values } = parseArgs({
    args,
    options: { email: { type: "string" }, name: { type: "string" }, promote: { type: "boolean", default: false } },
    allowPositionals: false,
    strict: true,
  });
  if (!values.email) throw new UsageError("--email is required.");
  const result = await createAdministrator({ db: db(), email: values.email, name: values.name, promote: values.promote, password: readPassword });
  return result.created
    ? `Created the administrator ${values.email.trim().toLowerCase()}. Sign in with this email and the password you entered.`
    : `${values.email.trim().toLowerCase()} is now an administrator (password unchanged).`;
}

/** Prisma's "table does not exist": the database was never migrated. */
function isUnmigrated(e: unknown): boolean {
  const code = (e as { code?: string }).code;
  return code === "P2021" || /no such table|does not exist/i.test(String((e as Error).message));
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === "--help" || command === "-h" || command === "help") {
    console.log(USAGE);
    return command ? 0 : 2;
  }
  let client: Db | undefined;
  const db = () => (client ??= createDb(env().DATABASE_URL));
  try {
    if (command === "verify-record") {
      const { line, code } = await verifyRecordFile(rest);
      console.log(line);
      return code;
    }
    if (command !== "create-admin") throw new UsageError(`Unknown command "${command}".`);
    console.log(await createAdmin(rest, db));
    return 0;
  } catch (e) {
    if (e instanceof FileError) {
      console.error(e.message);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      console.error(`${(e as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (isAppError(e)) console.error(e.message);
    else if (isUnmigrated(e)) console.error("The database has no Accord tables yet: start the server once, or run `npm run db:deploy`, then try again.");
    else console.error((e as Error).message);
    return 1;
  } finally {
    await client?.$disconnect();
  }
}

process.exitCode = await main(process.argv.slice(2));
