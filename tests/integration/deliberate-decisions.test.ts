// Decisions are deliberate: a vote that does not adopt returns the proposal where it was, a
// countdown lock happens once (by the server, even across a restart), and a restore is on the
// live board for every open page. Real server, real SQLite.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { eventually, startTestServer, type TestServer } from "../helpers/test-server";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { cancelLock, lockWhenDue, scheduleLock } from "../../server/services/proposals/lock-countdown";
import { createLockTimers } from "../../server/services/proposals/lock-timers";
import { restoreVersion } from "../../server/services/history/restore-version";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { getWorkshopLive } from "../../server/services/workshop/get-workshop-live";
import { silentNotifier } from "../../server/services/live-notifier";

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

const now = () => new Date();
const ctx = () => ({ db: s.db, live: s.server.live });
const stateOf = async (proposalId: string) => (await s.db.proposal.findUniqueOrThrow({ where: { id: proposalId } })).state;
const boardEntry = async (f: Fixture) => (await getWorkshopLive(s.db, f.workshopId, now())).proposals.find((p) => p.id === f.proposalId)!;
const open = (f: Fixture, quorum: number) =>
  openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, input: { question: "Adopt?", rule: "CONSENSUS", quorum, isOpenBallot: false }, now: now() });

describe("a vote that does not adopt", () => {
  it("leaves a locked text locked: lock → open → close not adopted → LOCKED", async () => {
    const f = await createFixture(s.db, "The Parties agree.");
    await changeProposalState({ ...ctx(), userId: f.users.chair, proposalId: f.proposalId, change: "lock", now: now() });
    const round = await open(f, 2);
    expect(round.stateBefore).toBe("LOCKED");
    await castBallot({ ...ctx(), userId: f.users.china, input: { roundId: round.id, choice: "YES" }, now: now() });
    const result = await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId: round.id, now: now() });
    expect(result.tally?.reason).toBe("NO_QUORUM");
    expect(result.state).toBe("LOCKED");
    expect(await stateOf(f.proposalId)).toBe("LOCKED");
  });

  it("reopens drafting only when it was drafting: drafting → open → cancel → DRAFTING", async () => {
    const f = await createFixture(s.db);
    const round = await open(f, 1);
    expect((await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId: round.id, cancel: true, now: now() })).state).toBe("DRAFTING");
    expect(await stateOf(f.proposalId)).toBe("DRAFTING");
  });

  it("a locked text's cancelled vote stays locked, and the board says where a round returns", async () => {
    const f = await createFixture(s.db);
    await changeProposalState({ ...ctx(), userId: f.users.chair, proposalId: f.proposalId, change: "lock", now: now() });
    const round = await open(f, 1);
    expect((await getWorkshopLive(s.db, f.workshopId, now())).rounds.find((r) => r.id === round.id)?.stateBefore).toBe("LOCKED");
    await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId: round.id, cancel: true, now: now() });
    expect(await stateOf(f.proposalId)).toBe("LOCKED");
  });
});

describe("lock after a countdown", () => {
  it("the server locks when the countdown ends", async () => {
    const f = await createFixture(s.db);
    // Started 29.9 s ago on the clock the use case is given: about 100 ms are left.
    await scheduleLock({ ...ctx(), timers: s.server.lockTimers, userId: f.users.chair, proposalId: f.proposalId, seconds: 30, now: new Date(Date.now() - 29_900) });
    let state = "DRAFTING";
    await eventually(() => {
      void stateOf(f.proposalId).then((x) => (state = x));
      return state === "LOCKED";
    }, "the countdown's lock");
    const after = await boardEntry(f);
    expect(after).toMatchObject({ state: "LOCKED", lockAt: null });
    const audit = await s.db.auditEvent.findMany({ where: { proposalId: f.proposalId, action: "proposal.lock" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBeNull();
  });

  it("happens once: a second node's timer, or a cancelled countdown's, changes nothing", async () => {
    const f = await createFixture(s.db);
    const noTimers = { schedule() {}, cancel() {}, async resume() {}, close() {} };
    const { lockAt } = await scheduleLock({ ...ctx(), timers: noTimers, userId: f.users.chair, proposalId: f.proposalId, seconds: 60, now: now() });
    expect((await boardEntry(f)).lockAt).toBe(lockAt.toISOString());
    expect(await lockWhenDue({ ...ctx(), proposalId: f.proposalId, lockAt })).toBe(true);
    expect(await lockWhenDue({ ...ctx(), proposalId: f.proposalId, lockAt })).toBe(false);
    expect(await s.db.auditEvent.count({ where: { proposalId: f.proposalId, action: "proposal.lock" } })).toBe(1);

    const g = await createFixture(s.db);
    const pending = await scheduleLock({ ...ctx(), timers: noTimers, userId: g.users.chair, proposalId: g.proposalId, seconds: 30, now: now() });
    await cancelLock({ ...ctx(), timers: noTimers, userId: g.users.chair, proposalId: g.proposalId });
    expect(await lockWhenDue({ ...ctx(), proposalId: g.proposalId, lockAt: pending.lockAt })).toBe(false);
    expect((await boardEntry(g)).lockAt).toBeNull();
    expect(await stateOf(g.proposalId)).toBe("DRAFTING");
    await expect(cancelLock({ ...ctx(), timers: noTimers, userId: g.users.chair, proposalId: g.proposalId })).rejects.toMatchObject({ code: "WRONG_STATE" });
    // Only the chair starts one.
    await expect(scheduleLock({ ...ctx(), timers: noTimers, userId: g.users.china, proposalId: g.proposalId, seconds: 30, now: now() })).rejects.toBeTruthy();
  });

  it("on start, an overdue countdown locks at once and a future one waits", async () => {
    const due = await createFixture(s.db);
    const later = await createFixture(s.db);
    await s.db.proposal.update({ where: { id: due.proposalId }, data: { lockAt: new Date(Date.now() - 5_000) } });
    await s.db.proposal.update({ where: { id: later.proposalId }, data: { lockAt: new Date(Date.now() + 3_600_000) } });
    const timers = createLockTimers({ db: s.db, live: silentNotifier });
    try {
      await timers.resume();
      let state = "DRAFTING";
      await eventually(() => {
        void stateOf(due.proposalId).then((x) => (state = x));
        return state === "LOCKED";
      }, "the overdue lock");
      expect(await stateOf(later.proposalId)).toBe("DRAFTING");
    } finally {
      timers.close();
    }
  });

  it("an immediate lock or an opened vote settles a pending countdown", async () => {
    const f = await createFixture(s.db);
    const noTimers = { schedule() {}, cancel() {}, async resume() {}, close() {} };
    await scheduleLock({ ...ctx(), timers: noTimers, userId: f.users.chair, proposalId: f.proposalId, seconds: 30, now: now() });
    await open(f, 1);
    expect((await boardEntry(f)).lockAt).toBeNull();
  });
});

describe("restoring a version", () => {
  it("puts version from → to on the board for every open page", async () => {
    const f = await createFixture(s.db);
    expect((await boardEntry(f)).lastRestore).toBeNull();
    const saved = await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Chair's text Rev.1" });
    const restored = await restoreVersion({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, number: saved.number });
    expect((await boardEntry(f)).lastRestore).toMatchObject({ from: saved.number, to: restored.number });
  });
});
