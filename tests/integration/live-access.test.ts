// Access taken away while a tab is open, on a real server: a removed member loses the room at
// once, a demoted delegate can no longer edit, an archived workshop refuses every change, and
// "signed out everywhere" closes the connection.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import { ARCHIVED_REASON } from "../../lib/domain/edit-right";
import { NO_ACCESS_MESSAGE, SIGNED_OUT_MESSAGE } from "../../lib/realtime/access-words";
import type { WorkshopLive } from "../../lib/protocol";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, openSocket, startTestServer, textOf, waitForConnect, type TestClient, type TestServer } from "../helpers/test-server";

let s: TestServer;
const open: TestClient[] = [];
const boards: Array<{ disconnect(): void }> = [];

beforeAll(async () => {
  s = await startTestServer();
});
afterAll(async () => {
  for (const c of open) c.close();
  for (const b of boards) b.disconnect();
  await s.close();
});

async function client(userId: string, proposalId: string): Promise<TestClient> {
  const c = await openClient(s, userId, proposalId);
  open.push(c);
  return c;
}

function para(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

type Ack = { ok: boolean; error?: { code: string; message: string } };

/** An edit sent by hand on the client's socket, as a tab that ignores what it was told would. */
function sendEdit(c: TestClient, proposalId: string, text: string): Promise<Ack> {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(c.doc));
  const sv = Y.encodeStateVector(copy);
  para(copy).insert(0, text);
  const update = Y.encodeStateAsUpdate(copy, sv);
  return new Promise((resolve) => c.socket.emit("doc:update", { proposalId, update }, resolve as never));
}

describe("a member removed while their tab is open", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(s.db, "The Parties agree.");
  });

  it("loses the room and the board within 2 s: edits refused, the editor says why", async () => {
    const china = await client(f.users.china, f.proposalId);
    const chair = await client(f.users.chair, f.proposalId);
    const board = await openSocket(s, f.users.china);
    boards.push(board);
    await waitForConnect(board);
    const joined = await new Promise<Ack & { live?: WorkshopLive }>((r) => board.emit("workshop:join", { workshopId: f.workshopId }, r as never));
    expect(joined.ok).toBe(true);
    let boardsAfter = 0;

    const removedAt = Date.now();
    await s.db.member.delete({ where: { workshopId_userId: { workshopId: f.workshopId, userId: f.users.china } } });
    s.server.live.accessChanged({ userId: f.users.china, workshopId: f.workshopId });
    board.on("workshop:live", () => boardsAfter++);

    await eventually(() => china.provider.access === "removed", "the tab to learn it was removed", 2000);
    expect(Date.now() - removedAt).toBeLessThan(2000);
    expect(china.provider.edit).toEqual({ canEdit: false, reason: NO_ACCESS_MESSAGE });
    const refused = await sendEdit(china, f.proposalId, "Still here? ");
    expect(refused.ok).toBe(false);
    expect(["NOT_JOINED", "NOT_FOUND"]).toContain(refused.error?.code);
    expect(textOf(chair.doc)).not.toContain("Still here?");

    // The board is no longer sent to them, and joining it again is refused.
    s.server.live.workshopChanged(f.workshopId);
    await new Promise((r) => setTimeout(r, 100));
    expect(boardsAfter).toBe(0);
    const again = await new Promise<Ack>((r) => board.emit("workshop:join", { workshopId: f.workshopId }, r as never));
    expect(again.error?.code).toBe("NOT_FOUND");
  });
});

describe("a delegate made an observer while editing", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(s.db, "The Parties agree.");
  });

  it("can no longer edit, at once, and is told why", async () => {
    const japan = await client(f.users.japan, f.proposalId);
    const chair = await client(f.users.chair, f.proposalId);
    para(japan.doc).insert(0, "Before. ");
    await japan.provider.whenSaved();

    await s.db.member.update({ where: { workshopId_userId: { workshopId: f.workshopId, userId: f.users.japan } }, data: { role: "OBSERVER", delegationId: null } });
    s.server.live.accessChanged({ userId: f.users.japan, workshopId: f.workshopId });

    await eventually(() => !japan.provider.edit.canEdit, "the editor to turn read-only", 2000);
    expect(japan.provider.edit).toEqual({ canEdit: false, reason: "Observers follow the text read-only." });
    expect(japan.provider.access).toBe("member");
    const refused = await sendEdit(japan, f.proposalId, "After. ");
    expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
    await new Promise((r) => setTimeout(r, 50));
    expect(textOf(chair.doc)).toContain("Before.");
    expect(textOf(chair.doc)).not.toContain("After.");
  });

  it("a delegate promoted back may edit again, with the new delegation", async () => {
    const chn = await s.db.delegation.findFirstOrThrow({ where: { workshopId: f.workshopId, code: "CHN" } });
    const japan = await client(f.users.japan, f.proposalId);
    expect(japan.provider.edit.canEdit).toBe(false);
    await s.db.member.update({ where: { workshopId_userId: { workshopId: f.workshopId, userId: f.users.japan } }, data: { role: "DELEGATE", delegationId: chn.id } });
    s.server.live.accessChanged({ userId: f.users.japan, workshopId: f.workshopId });
    await eventually(() => japan.provider.edit.canEdit && japan.provider.self?.delegation?.code === "CHN", "editing to reopen");
    expect(await sendEdit(japan, f.proposalId, "Again. ")).toMatchObject({ ok: true });
    // The page re-renders what depends on the seat (see useRefreshOnSeatChange).
    expect(japan.provider.seatChanges).toBe(1);
  });
});

describe("a workshop archived while its texts are open", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(s.db, "The Parties agree.");
  });

  it("turns every open room read-only and refuses edits, for new joins too", async () => {
    const chair = await client(f.users.chair, f.proposalId);
    const china = await client(f.users.china, f.proposalId);
    await s.db.workshop.update({ where: { id: f.workshopId }, data: { archivedAt: new Date() } });
    s.server.live.workshopArchived(f.workshopId);

    await eventually(() => !chair.provider.edit.canEdit && !china.provider.edit.canEdit, "the editors to turn read-only", 2000);
    expect(china.provider.edit).toEqual({ canEdit: false, reason: ARCHIVED_REASON });
    expect(await sendEdit(china, f.proposalId, "Late. ")).toMatchObject({ ok: false, error: { code: "ARCHIVED" } });
    expect(await sendEdit(chair, f.proposalId, "Late. ")).toMatchObject({ ok: false, error: { code: "ARCHIVED" } });

    // A room loaded after archiving learns it from the database.
    const other = await client(f.users.china, f.otherProposalId);
    expect(other.provider.edit).toEqual({ canEdit: false, reason: ARCHIVED_REASON });
    expect(await sendEdit(other, f.otherProposalId, "Late. ")).toMatchObject({ ok: false, error: { code: "ARCHIVED" } });
  });
});

describe("every session of a user ended (no workshop)", () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await createFixture(s.db, "The Parties agree.");
  });

  it("closes all their connections and the tab says they were signed out", async () => {
    const a = await client(f.users.china2, f.proposalId);
    const b = await client(f.users.china2, f.otherProposalId);
    const chair = await client(f.users.chair, f.proposalId);
    s.server.live.accessChanged({ userId: f.users.china2 });
    await eventually(() => !a.socket.connected && !b.socket.connected, "their sockets to close", 2000);
    expect(a.provider.access).toBe("signed-out");
    expect(b.provider.edit).toEqual({ canEdit: false, reason: SIGNED_OUT_MESSAGE });
    expect(chair.socket.connected).toBe(true);
  });
});
