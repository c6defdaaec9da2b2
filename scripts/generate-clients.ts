// Runs after `npm install`: writes the PostgreSQL copy of the one schema source, then
// generates a Prisma client for each engine (lib/generated/{sqlite,postgres}).
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { postgresSchemaFrom } from "./postgres-schema.ts";

const source = readFileSync("prisma/schema.prisma", "utf8");
mkdirSync("prisma/postgres", { recursive: true });
writeFileSync("prisma/postgres/schema.prisma", postgresSchemaFrom(source));

for (const schema of ["prisma/schema.prisma", "prisma/postgres/schema.prisma"]) {
  execFileSync("npx", ["prisma", "generate", "--schema", schema], { stdio: "inherit" });
}
