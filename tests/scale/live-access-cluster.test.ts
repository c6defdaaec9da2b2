// Access taken away reaches tabs on every node (npm run test:scale): the use case runs on one
// node, the member's socket and room session live on another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, spawnServerProcess, startTestServer, type ServerProcess, type TestClient, type TestServer } from "../helpers/test-server";
import { ARCHIVED_REASON } from "../../lib/domain/edit-right";
import { removeMember } from "../../server/services/people/remove-member";
import { archiveWorkshop } from "../../server/services/workshop/archive-workshop";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
if (!process.env.ACCORD_TEST_PG_URL) throw new Error("test:scale needs ACCORD_TEST_PG_URL (a PostgreSQL server) and REDIS_URL");

const secret = "scale-test-secret-scale-test-secret-1234";
let t: TestDb;
let f: Fixture;
let here: TestServer;
let other: ServerProcess;
const clients: TestClient[] = [];

beforeAll(async () => {
  t = await createTestDb();
  f = await createFixture(t.db, "Base text.");
  other = await spawnServerProcess(t.url, secret, { REDIS_URL });
  here = await startTestServer({ db: t, secret, redisUrl: REDIS_URL });
});

afterAll(async () => {
  for (const c of clients) c.close();
  // Let coalesced live-board snapshots go out before Redis and the database close.
  await new Promise((r) => setTimeout(r, 100));
  await other.stop("SIGKILL");
  await here.stop();
  await t.cleanup();
});

async function client(userId: string): Promise<TestClient> {
  const c = await openClient({ url: other.url, secret }, userId, f.proposalId);
  clients.push(c);
  return c;
}

describe("access changes across nodes", () => {
  it("a member removed through one node loses the room on another within 2 s", async () => {
    const china = await client(f.users.china);
    const at = Date.now();
    await removeMember({ db: t.db, live: here.server.live, userId: f.users.chair, workshopId: f.workshopId, memberUserId: f.users.china, now: new Date() });
    await eventually(() => china.provider.access === "removed", "the tab on the other node to lose access", 2000);
    expect(Date.now() - at).toBeLessThan(2000);
  });

  it("every session of a user ended: their sockets on the other node close", async () => {
    const japan = await client(f.users.japan);
    // What "Sign out everywhere" and a password reset tell the live layer.
    here.server.live.accessChanged({ userId: f.users.japan });
    await eventually(() => !japan.socket.connected && japan.provider.access === "signed-out", "the other node to close the socket", 2000);
  });

  it("archiving reaches rooms on the other node", async () => {
    const chair = await client(f.users.chair);
    expect(chair.provider.edit.canEdit).toBe(true);
    await archiveWorkshop({ db: t.db, live: here.server.live, userId: f.users.chair, workshopId: f.workshopId, now: new Date() });
    await eventually(() => !chair.provider.edit.canEdit, "the room on the other node to turn read-only", 2000);
    expect(chair.provider.edit).toEqual({ canEdit: false, reason: ARCHIVED_REASON });
  });
});
