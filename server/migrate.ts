import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { DEFAULT_DATABASE_URL, providerOf } from "../lib/db-url.ts";

const PRISMA_BIN = resolve("node_modules/.bin/prisma");

/** `prisma migrate deploy` for DATABASE_URL; creates the SQLite folder first. */
export function applyMigrations(url: string = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL): void {
  if (providerOf(url) === "sqlite") mkdirSync(dirname(resolve(url.replace(/^file:/, ""))), { recursive: true });
  execFileSync(PRISMA_BIN, ["migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: url, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
}
