// `npm run db:seed`: seed the demo workshop into an empty database.
import { db } from "../../lib/db.ts";
import { isDatabaseEmpty, seedDemo } from "./seed.ts";

const client = db();
if (await isDatabaseEmpty(client)) {
  const { workshopId } = await seedDemo(client);
  console.log(`Seeded the demo workshop (${workshopId}).`);
} else {
  console.log("The database is not empty: nothing seeded.");
}
await client.$disconnect();
