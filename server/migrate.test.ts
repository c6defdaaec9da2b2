// The SQLite file holds password hashes: it, and the -wal/-shm files beside it, are readable by
// the server's own user only (0600), whether migrations create it or find it already there.
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createDb, tuneSqlite } from "../lib/db.ts";
import { applyMigrations } from "./migrate.ts";

const modeOf = (path: string) => statSync(path).mode & 0o777;
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "accord-mode-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the SQLite file's permissions", () => {
  it("a fresh database is created 0600, and so are its -wal and -shm files", async () => {
    const file = join(tempDir(), "nested", "accord.db");
    await applyMigrations(`file:${file}`);
    expect(modeOf(file)).toBe(0o600);

    const db = createDb(`file:${file}`);
    try {
      await tuneSqlite(db);
      await db.workshop.create({ data: { title: "Written in WAL mode" } });
      for (const side of [`${file}-wal`, `${file}-shm`]) {
        expect(existsSync(side)).toBe(true);
        expect(modeOf(side)).toBe(0o600);
      }
    } finally {
      await db.$disconnect();
    }
  });

  it("an existing world-readable database (and its -wal/-shm) is made 0600", async () => {
    const file = join(tempDir(), "accord.db");
    await applyMigrations(`file:${file}`);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) {
      if (!existsSync(path)) writeFileSync(path, "");
      chmodSync(path, 0o644);
    }
    await applyMigrations(`file:${file}`);
    for (const path of [file, `${file}-wal`, `${file}-shm`]) expect(modeOf(path)).toBe(0o600);
  });

  it("opening a database without migrating also makes its file 0600", async () => {
    const file = join(tempDir(), "accord.db");
    const db = createDb(`file:${file}`);
    try {
      await db.$queryRawUnsafe("SELECT 1");
      expect(modeOf(file)).toBe(0o600);
    } finally {
      await db.$disconnect();
    }
  });
});
