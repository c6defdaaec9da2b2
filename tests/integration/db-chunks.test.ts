// Id lists of any length on the real engine: the chunked lookup returns every row while no query
// carries more than a chunk of ids, on the shared client and inside a transaction; and the live
// board names everyone on a long speaking queue the same way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../lib/db";
import { IN_CHUNK_SIZE, findManyInChunks } from "../../lib/db-chunks";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { observeQueries } from "../helpers/observe-queries";

const MANY = 2500;

let t: TestDb;
let f: Fixture;
let clientIds: bigint[];

beforeAll(async () => {
  t = await createTestDb();
  f = await createFixture(t.db);
  clientIds = Array.from({ length: MANY }, (_, i) => BigInt(1_000_000 + i));
  for (let i = 0; i < MANY; i += 200) {
    await t.db.documentClient.createMany({ data: clientIds.slice(i, i + 200).map((clientId) => ({ proposalId: f.proposalId, clientId, userId: f.users.china })) });
  }
});
afterAll(async () => {
  await t.cleanup();
});

/** The longest `in` list any query of `model` received through the returned client. */
function measuringIn(db: Db, model: string, field: string): { db: Db; longest: () => number; queries: () => number } {
  let longest = 0;
  let queries = 0;
  const observed = observeQueries(db, {
    before({ model: m, args }) {
      if (m !== model) return;
      const list = (args as { where?: Record<string, { in?: unknown[] }> }).where?.[field]?.in;
      if (!list) return;
      queries++;
      longest = Math.max(longest, list.length);
    },
  });
  return { db: observed, longest: () => longest, queries: () => queries };
}

describe("findManyInChunks on the database", () => {
  it(`finds all ${MANY} rows with no query over ${IN_CHUNK_SIZE} ids`, async () => {
    const m = measuringIn(t.db, "DocumentClient", "clientId");
    const rows = await findManyInChunks(clientIds, (chunk) =>
      m.db.documentClient.findMany({ where: { proposalId: f.proposalId, clientId: { in: chunk } }, select: { clientId: true } }),
    );
    expect(rows.map((r) => r.clientId).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(clientIds);
    expect(m.longest()).toBeLessThanOrEqual(IN_CHUNK_SIZE);
    expect(m.queries()).toBe(Math.ceil(MANY / IN_CHUNK_SIZE));
  });

  it("works with a transaction client", async () => {
    const rows = await t.db.$transaction((tx) =>
      findManyInChunks(clientIds, (chunk) => tx.documentClient.findMany({ where: { proposalId: f.proposalId, clientId: { in: chunk } }, select: { clientId: true } })),
    );
    expect(rows).toHaveLength(MANY);
  });

  // test-db.ts runs on PostgreSQL when ACCORD_TEST_PG_URL is set, on SQLite otherwise.
  it.skipIf(Boolean(process.env.ACCORD_TEST_PG_URL))("(why it exists) SQLite refuses the same lookup as one IN", async () => {
    // If this starts passing, Prisma splits such lists itself and the helper is a safety margin only.
    await expect(t.db.documentClient.findMany({ where: { proposalId: f.proposalId, clientId: { in: clientIds } }, select: { clientId: true } })).rejects.toThrow(
      /parameter limit/i,
    );
  });
});

describe("the live board with a long speaking queue", () => {
  it("names every one of 600 people on the floor, asking for at most a chunk of names per query", async () => {
    const QUEUE = 600;
    const ids = Array.from({ length: QUEUE }, (_, i) => `floor-user-${i}`);
    for (let i = 0; i < QUEUE; i += 100) {
      const batch = ids.slice(i, i + 100);
      await t.db.user.createMany({ data: batch.map((id) => ({ id, email: `${id}@accord.example`, name: `Speaker ${id}`, passwordHash: "unused" })) });
      await t.db.floorRequest.createMany({ data: batch.map((userId, j) => ({ workshopId: f.workshopId, userId, requestedAt: new Date(Date.UTC(2026, 0, 1, 9, 0, 0, i + j)) })) });
    }
    const m = measuringIn(t.db, "User", "id");
    const live = await getWorkshopLive(m.db, f.workshopId, new Date());
    expect(live.floor).toHaveLength(QUEUE);
    expect(live.floor.map((x) => x.name)).toEqual(ids.map((id) => `Speaker ${id}`));
    expect(m.longest()).toBeLessThanOrEqual(IN_CHUNK_SIZE);
  });
});
