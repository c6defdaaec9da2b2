// Removal and role changes take effect on open sockets at once (issue 22, item 8): from the moment
// the chair's change is announced (removeMember / changeMember have returned), an edit sent on the
// member's already-open socket is judged by the new seat — even while the server is still reading
// that seat from the database. The membership read is held back here (as on a loaded database)
// to make the window between "announced" and "applied" visible; the same is checked at full speed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { removeMember } from "../../server/services/people/remove-member";
import { changeMember } from "../../server/services/people/change-member";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { observeQueries } from "../helpers/observe-queries";
import { createTestDb } from "../helpers/test-db";
import { eventually, openClient, startTestServer, textOf, type TestClient, type TestServer } from "../helpers/test-server";

/** How long a read of the held-back member's seat takes (a loaded database). */
const SEAT_READ_MS = 150;
let s: TestServer;
let slowSeatOf: string | null = null;
const open: TestClient[] = [];

beforeAll(async () => {
  const t = await createTestDb();
  const db = observeQueries(t.db, {
    async before({ model, operation, args }) {
      // The seat read a socket's access re-check makes (membership with its workshop), for one member.
      const a = args as { where?: { workshopId_userId?: { userId?: string } }; include?: { workshop?: unknown } } | undefined;
      if (model === "Member" && operation === "findUnique" && slowSeatOf && a?.where?.workshopId_userId?.userId === slowSeatOf && a.include?.workshop) {
        await new Promise((r) => setTimeout(r, SEAT_READ_MS));
      }
    },
  });
  s = await startTestServer({ db: { ...t, db } });
});
afterAll(async () => {
  for (const c of open) c.close();
  await s?.close();
});

async function client(userId: string, proposalId: string): Promise<TestClient> {
  const c = await openClient(s, userId, proposalId);
  open.push(c);
  return c;
}

type Ack = { ok: boolean; error?: { code: string; message: string } };

/** An edit sent by hand on the client's socket, as a tab that ignores what it was told would. */
function sendEdit(c: TestClient, proposalId: string, text: string): Promise<Ack> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  const sv = Y.encodeStateVector(copy);
  ((copy.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, text);
  const update = Y.encodeStateAsUpdate(copy, sv);
  return new Promise((resolve) => c.socket.emit("doc:update", { proposalId, update }, resolve as never));
}

const settle = () => new Promise((r) => setTimeout(r, SEAT_READ_MS + 100));

describe.each([
  { speed: "while the seat is still being read", held: true },
  { speed: "at database speed", held: false },
])("an open socket after the chair's change is announced ($speed)", ({ held }) => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(s.db, "The Parties agree.");
  });

  it("a removed member's edit is refused and reaches no one", async () => {
    const china = await client(f.users.china, f.proposalId);
    const chair = await client(f.users.chair, f.proposalId);
    slowSeatOf = held ? f.users.china : null;
    try {
      await removeMember({ db: s.db, live: s.server.live, userId: f.users.chair, workshopId: f.workshopId, memberUserId: f.users.china, now: new Date() });
      const ack = await sendEdit(china, f.proposalId, "Removed but typing. ");
      expect(ack).toMatchObject({ ok: false, error: { code: "NOT_JOINED" } });
      await settle();
      expect(textOf(chair.doc)).not.toContain("Removed but typing.");
      await eventually(() => china.provider.access === "removed", "the tab to learn it was removed", 2000);
    } finally {
      slowSeatOf = null;
    }
  });

  it("a delegate made an observer cannot edit any more", async () => {
    const japan = await client(f.users.japan, f.proposalId);
    const chair = await client(f.users.chair, f.proposalId);
    slowSeatOf = held ? f.users.japan : null;
    try {
      await changeMember({ db: s.db, live: s.server.live, userId: f.users.chair, workshopId: f.workshopId, memberUserId: f.users.japan, input: { role: "OBSERVER", delegationId: null } });
      const ack = await sendEdit(japan, f.proposalId, "Observer typing. ");
      expect(ack.ok).toBe(false);
      expect(["FORBIDDEN", "NOT_JOINED"]).toContain(ack.error?.code);
      await settle();
      expect(textOf(chair.doc)).not.toContain("Observer typing.");
      await eventually(() => !japan.provider.edit.canEdit, "the editor to turn read-only", 2000);
    } finally {
      slowSeatOf = null;
    }
  });

  it("a delegate moved to another delegation keeps editing, under the new one, without a refusal", async () => {
    const jpn = await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code: "JPN" } });
    const moved = await client(f.users.china2, f.proposalId);
    const chair = await client(f.users.chair, f.proposalId);
    slowSeatOf = held ? f.users.china2 : null;
    try {
      await changeMember({ db: s.db, live: s.server.live, userId: f.users.chair, workshopId: f.workshopId, memberUserId: f.users.china2, input: { role: "DELEGATE", delegationId: jpn.id } });
      expect(await sendEdit(moved, f.proposalId, "Moved and typing. ")).toMatchObject({ ok: true });
      await eventually(() => textOf(chair.doc).includes("Moved and typing."), "the edit to reach the chair", 2000);
      await eventually(() => moved.provider.self?.delegation?.code === "JPN", "the tab to take the new seat", 2000);
    } finally {
      slowSeatOf = null;
    }
  });
});
