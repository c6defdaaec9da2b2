// The e2e server: a fresh database with the demo workshop, a second workshop the demo people
// are not in (to prove isolation) and a third with a proposal under vote (for the page checks),
// then the real server in production mode.
import { rmSync } from "node:fs";
import { createDb } from "../lib/db.ts";
import { applyMigrations } from "../server/migrate.ts";
import { seedDemo } from "../server/seed/seed.ts";
import { seedOtherWorkshop } from "./fixtures/other-workshop.ts";
import { seedReviewWorkshop } from "./fixtures/review-workshop.ts";
import { seedAmendmentsWorkshop } from "./fixtures/amendments-workshop.ts";
import { seedBracketsWorkshop } from "./fixtures/brackets-workshop.ts";
import { seedLanguagesWorkshop } from "./fixtures/languages-workshop.ts";

const url = process.env.DATABASE_URL ?? "file:./data/e2e.db";
const file = url.replace(/^file:/, "");
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(file + suffix, { force: true });

await applyMigrations(url);
const db = createDb(url);
await seedDemo(db);
await seedOtherWorkshop(db);
// The demo accounts of e2e/fixtures/auth.ts (not imported here: it loads the test runner).
await seedReviewWorkshop(db, { chair: "chair@accord.example", delegate: "china1@accord.example", observer: "observer@accord.example" });
await seedAmendmentsWorkshop(db, {
  chair: "chair@accord.example",
  china: "china1@accord.example",
  china2: "china2@accord.example",
  japan: "japan1@accord.example",
  korea: "korea1@accord.example",
  observer: "observer@accord.example",
});
await seedBracketsWorkshop(db, {
  chair: "chair@accord.example",
  china: "china1@accord.example",
  japan: "japan1@accord.example",
  korea: "korea1@accord.example",
  asean: "asean1@accord.example",
  observer: "observer@accord.example",
});
await seedLanguagesWorkshop(db, { chair: "chair@accord.example" });
await db.$disconnect();

await import("../server/index.ts");
