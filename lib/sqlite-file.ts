// The SQLite file holds password hashes: readable and writable by the server's own user only.
// Created 0600 before SQLite first opens it (SQLite then gives its -wal and -shm files the same
// mode), and an existing file made 0600. PostgreSQL URLs are left alone.
import { chmodSync, closeSync, existsSync, openSync } from "node:fs";
import { resolve } from "node:path";
import { providerOf } from "./db-url.ts";

export const SQLITE_FILE_MODE = 0o600;

/** The file a `file:` URL names (its query, if any, is SQLite's options), or null for none. */
export function sqliteFilePath(url: string): string | null {
  if (providerOf(url) !== "sqlite") return null;
  const path = url.replace(/^file:/, "").split("?")[0]!;
  if (path === "" || path === ":memory:") return null;
  return resolve(path);
}

/** Creates the database file 0600 if it is missing; makes it and its -wal/-shm 0600 if present. */
export function restrictSqliteFile(url: string): void {
  const file = sqliteFilePath(url);
  if (!file) return;
  try {
    // "a": creates the file if missing (with this mode), never truncates an existing one.
    closeSync(openSync(file, "a", SQLITE_FILE_MODE));
  } catch (e) {
    // No folder for it: opening the database says so, as it always has.
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  for (const path of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    if (existsSync(path)) chmodSync(path, SQLITE_FILE_MODE);
  }
}
