// Attendance on a real server: a delegation is present while one of its members has a socket on
// the workshop's board or in one of its proposals' rooms, and away once the last one has gone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WorkshopPresenceSchema, type WorkshopPresence } from "../../lib/protocol";
import type { ProviderSocket } from "../../lib/realtime/proposal-provider";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, openClient, socketPool, startTestServer, type TestServer } from "../helpers/test-server";

let s: TestServer;
let f: Fixture;
const pool = socketPool(() => s);

beforeAll(async () => {
  s = await startTestServer();
  f = await createFixture(s.db);
});
afterAll(async () => {
  pool.closeAll();
  await s.close();
});

/** A board watcher that keeps the newest presence it was sent, as the browser does. */
async function watchBoard(userId: string): Promise<{ socket: ProviderSocket; latest(): WorkshopPresence | null }> {
  const socket = await pool.open(userId);
  let latest: WorkshopPresence | null = null;
  socket.on("workshop:presence", (raw: unknown) => {
    const parsed = WorkshopPresenceSchema.parse(raw);
    if (parsed.workshopId === f.workshopId && (!latest || parsed.asOf >= latest.asOf)) latest = parsed;
  });
  const ack = await new Promise<{ ok: boolean }>((r) => socket.emit("workshop:join", { workshopId: f.workshopId }, r as never));
  expect(ack.ok).toBe(true);
  return { socket, latest: () => latest };
}

async function delegationOf(userId: string): Promise<string> {
  const m = await s.db.member.findUniqueOrThrow({ where: { workshopId_userId: { workshopId: f.workshopId, userId } } });
  return m.delegationId!;
}

describe("attendance", () => {
  it("a delegate on the board makes their delegation present; disconnecting makes it away", async () => {
    const chair = await watchBoard(f.users.chair);
    await eventually(() => chair.latest() !== null, "the chair's first attendance");
    // The chair has no delegation: nobody is present yet.
    expect(chair.latest()!.delegationIds).toEqual([]);

    const china = await delegationOf(f.users.china);
    const board = await watchBoard(f.users.china);
    await eventually(() => chair.latest()!.delegationIds.includes(china), "China to be present");
    // The newcomer is told too.
    await eventually(() => board.latest()?.delegationIds.includes(china) === true, "the delegate to see themself present");

    // What a vote opened now would take as "the delegations present".
    expect(await s.server.live.presentDelegations!(f.workshopId)).toEqual([china]);

    board.socket.disconnect();
    await eventually(() => !chair.latest()!.delegationIds.includes(china), "China to be away");
  });

  it("a delegate in a proposal's room only is present; leaving the room (last seat) makes them away", async () => {
    const chair = await watchBoard(f.users.chair);
    const japan = await delegationOf(f.users.japan);
    const editor = await openClient(s, f.users.japan, f.proposalId);
    try {
      await eventually(() => chair.latest()?.delegationIds.includes(japan) === true, "Japan to be present from the editor");
      // A second seat of the same delegation (another member) keeps it present when one goes.
      const china = await delegationOf(f.users.china);
      const china1 = await openClient(s, f.users.china, f.proposalId);
      const china2 = await openClient(s, f.users.china2, f.otherProposalId);
      await eventually(() => chair.latest()!.delegationIds.includes(china), "China present");
      china1.close();
      await new Promise((r) => setTimeout(r, 300));
      expect(chair.latest()!.delegationIds).toContain(china);
      china2.provider.destroy();
      await eventually(() => !chair.latest()!.delegationIds.includes(china), "China away once its last member left the room");
      china2.socket.disconnect();
    } finally {
      editor.close();
    }
    await eventually(() => !chair.latest()!.delegationIds.includes(japan), "Japan away");
  });

  it("a delegate moved to another delegation makes the new one present (access change)", async () => {
    const chair = await watchBoard(f.users.chair);
    const china = await delegationOf(f.users.china);
    const japan = await delegationOf(f.users.japan);
    await watchBoard(f.users.china);
    await eventually(() => chair.latest()?.delegationIds.includes(china) === true, "China present");
    await s.db.member.update({ where: { workshopId_userId: { workshopId: f.workshopId, userId: f.users.china } }, data: { delegationId: japan } });
    s.server.live.accessChanged({ userId: f.users.china, workshopId: f.workshopId });
    await eventually(() => {
      const ids = chair.latest()!.delegationIds;
      return ids.includes(japan) && !ids.includes(china);
    }, "Japan present and China away after the move");
    await s.db.member.update({ where: { workshopId_userId: { workshopId: f.workshopId, userId: f.users.china } }, data: { delegationId: china } });
  });
});
