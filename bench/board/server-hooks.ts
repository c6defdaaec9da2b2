// The board benchmark's hook inside the server process (bench/server-process.ts): changes are
// made by calling the same use cases the app's server actions call, with the server's own
// notifier (so the board goes out exactly as in production: coalesced, rebuilt, emitted to the
// workshop's room). Benchmark code only: nothing here is reachable from a client.
import type { Db } from "../../lib/db.ts";
import { providerOf } from "../../lib/db-url.ts";
import { PrismaClient as SqliteClient } from "../../lib/generated/sqlite/client.ts";
import { resilientSqliteAdapter } from "../../lib/sqlite-adapter.ts";
import type { AccordServer } from "../../server/app-server.ts";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state.ts";
import { castBallot } from "../../server/services/votes/cast-ballot.ts";
import { closeVoteRound } from "../../server/services/votes/close-vote-round.ts";
import { openVoteRound } from "../../server/services/votes/open-vote-round.ts";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live.ts";
import { setCurrentItem } from "../../server/services/workshop/set-current-item.ts";
import type { BenchFixture } from "../fixture.ts";
import type { BoardChange, BoardOp, BoardReply } from "./protocol.ts";

export function boardHooks(db: Db, server: AccordServer, fixture: BenchFixture, databaseUrl: string) {
  let chairId: string | null = null;
  const chair = () => {
    if (!chairId) throw new Error("board benchmark: setup first");
    return chairId;
  };

  async function change(c: BoardChange): Promise<BoardReply> {
    const now = new Date();
    const common = { db, live: server.live };
    const t = performance.now();
    let roundId: string | undefined;
    switch (c.kind) {
      case "current":
        await setCurrentItem({ ...common, userId: chair(), workshopId: fixture.workshopId, proposalId: c.proposalId });
        break;
      case "lock":
        await changeProposalState({ ...common, userId: chair(), proposalId: c.proposalId, change: "lock", now });
        break;
      case "open-vote": {
        const input = { question: "Adopt this text?", rule: "MAJORITY" as const, quorum: 0, isOpenBallot: false };
        roundId = (await openVoteRound({ ...common, rooms: server.rooms, userId: chair(), proposalId: c.proposalId, input, now })).id;
        break;
      }
      case "ballot": {
        const userId = fixture.delegates[c.delegate];
        if (!userId) throw new Error(`no delegate ${c.delegate}`);
        await castBallot({ ...common, userId, input: { roundId: c.roundId, choice: "YES" }, now });
        break;
      }
      case "cancel-vote":
        await closeVoteRound({ ...common, userId: chair(), roundId: c.roundId, cancel: true, now });
        break;
    }
    return { useCaseMs: performance.now() - t, ...(roundId ? { roundId } : {}) };
  }

  /**
   * The board as the notifier builds it, on a second client of the same SQLite file that logs
   * every SQL statement it sends (Prisma's query events: a relation select such as a round's
   * ballots is a statement of its own). Made once, on first use.
   */
  let counting: { db: Db; statements: () => number; reset: () => void } | null = null;
  function countingClient() {
    if (counting) return counting;
    if (providerOf(databaseUrl) !== "sqlite") throw new Error("the board benchmark counts queries on SQLite only");
    const client = new SqliteClient({ adapter: resilientSqliteAdapter(databaseUrl), log: [{ emit: "event", level: "query" }] });
    let n = 0;
    client.$on("query", () => n++);
    counting = { db: client, statements: () => n, reset: () => (n = 0) };
    return counting;
  }

  async function rebuild(times: number): Promise<BoardReply> {
    const c = countingClient();
    // One untimed build: connection and query plans warm, as the server's own client is.
    await getWorkshopLive(c.db, fixture.workshopId, new Date());
    const ms: number[] = [];
    const perRebuild: number[] = [];
    for (let i = 0; i < times; i++) {
      c.reset();
      const t = performance.now();
      await getWorkshopLive(c.db, fixture.workshopId, new Date());
      ms.push(performance.now() - t);
      perRebuild.push(c.statements());
    }
    return { rebuild: { ms, queries: perRebuild } };
  }

  return async function handle(req: BoardOp): Promise<BoardReply> {
    switch (req.op) {
      case "setup": {
        if (!chairId) {
          const u = await db.user.create({ data: { email: `chair-${fixture.workshopId}@bench.example`, name: "Chair", passwordHash: "unused" } });
          await db.member.create({ data: { workshopId: fixture.workshopId, userId: u.id, role: "MODERATOR" } });
          chairId = u.id;
        }
        return { chairId };
      }
      case "change":
        return change(req.change);
      case "rebuild":
        return rebuild(req.times);
      case "close":
        await counting?.db.$disconnect();
        counting = null;
        return {};
    }
  };
}
