import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { providerOf } from "../lib/db-url.ts";
import { env } from "../lib/env.ts";

const PRISMA_BIN = resolve("node_modules/.bin/prisma");

/** `prisma migrate deploy` for DATABASE_URL; creates the SQLite folder first. */
export function applyMigrations(url: string = env().DATABASE_URL): void {
  if (providerOf(url) === "sqlite") mkdirSync(dirname(resolve(url.replace(/^file:/, ""))), { recursive: true });
  execFileSync(PRISMA_BIN, ["migrate", "deploy"], {
    // The CLI inherits this process's environment (PATH, proxies, …): passed on, not read.
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}
