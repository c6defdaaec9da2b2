import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { postgresSchemaFrom } from "../scripts/postgres-schema";

describe("PostgreSQL schema copy", () => {
  it("is exactly what the generator derives from the SQLite source (run npm install to refresh)", () => {
    const source = readFileSync("prisma/schema.prisma", "utf8");
    expect(readFileSync("prisma/postgres/schema.prisma", "utf8")).toBe(postgresSchemaFrom(source));
  });
});
