// Votes on frozen text, the drafting lock, the agenda and the speaking queue, on a real server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import { eventually, openClient, openSocket, waitForConnect, type TestClient, type TestServer } from "../helpers/test-server";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { setCurrentItem } from "../../server/services/workshop/set-current-item";
import { requestFloor, giveFloor, endFloor } from "../../server/services/floor/speaking-queue";
import { listVoteRounds } from "../../server/services/votes/list-vote-rounds";
import { listAuditEvents } from "../../server/services/audit/list-audit-events";
import { textWithClients } from "../../lib/document/authorship";
import type { WorkshopLive } from "../../lib/protocol";

let s: TestServer;
let f: Fixture;
let chn: string;
let jpn: string;
const open: TestClient[] = [];
const now = () => new Date();

beforeAll(async () => {
  ({ s, f, chn, jpn } = await startFixtureServer("The Parties agree."));
});
afterAll(() => stopFixtureServer(s, open));

const ctx = () => ({ db: s.db, live: s.server.live });
async function client(userId: string, proposalId = f.proposalId) {
  const c = await openClient(s, userId, proposalId);
  open.push(c);
  return c;
}
function para(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}
async function board(userId: string): Promise<{ latest: () => WorkshopLive }> {
  const socket = await openSocket(s, userId);
  await waitForConnect(socket);
  let latest: WorkshopLive | null = null;
  socket.on("workshop:live", (live) => (latest = live));
  const res = await new Promise<{ ok: boolean; live?: WorkshopLive }>((resolve) => socket.emit("workshop:join", { workshopId: f.workshopId }, resolve as never));
  expect(res.ok).toBe(true);
  latest = res.live!;
  return { latest: () => latest! };
}

describe("a vote round", () => {
  let roundId: string;

  it("opens on the exact current text: edits stop, a VOTE version is cut, everyone is told", async () => {
    const china = await client(f.users.china);
    para(china.doc).insert(para(china.doc).length, " To share data.");
    await china.provider.whenSaved();
    const watch = await board(f.users.observer);

    await expect(openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.china, proposalId: f.proposalId, input: { question: "Adopt?", rule: "CONSENSUS", quorum: 2 }, now: now() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const round = await openVoteRound({
      ...ctx(),
      rooms: s.server.rooms,
      userId: f.users.chair,
      proposalId: f.proposalId,
      input: { question: "Does the workshop adopt this text?", rule: "CONSENSUS", quorum: 2 },
      now: now(),
    });
    roundId = round.id;
    const version = await s.db.version.findFirstOrThrow({ where: { proposalId: f.proposalId, number: round.versionNumber } });
    expect(version.kind).toBe("VOTE");
    expect(version.text).toBe(textWithClients(china.doc).text);
    expect(version.text).toContain("To share data.");

    await eventually(() => china.provider.state === "VOTING", "the editor to learn the text is frozen");
    expect(china.provider.edit).toEqual({ canEdit: false, reason: "The text is frozen while a vote is open." });
    // An edit sent anyway is refused and never stored.
    const rows = await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } });
    const scratch = new Y.Doc();
    Y.applyUpdate(scratch, Y.encodeStateAsUpdate(china.doc));
    scratch.clientID = china.doc.clientID;
    const sv = Y.encodeStateVector(scratch);
    para(scratch).insert(0, "Sneaky ");
    const res = await new Promise<{ ok: boolean; error?: { code: string } }>((r) =>
      china.socket.emit("doc:update", { proposalId: f.proposalId, update: Y.encodeStateAsUpdate(scratch, sv) }, r as never),
    );
    expect(res).toMatchObject({ ok: false, error: { code: "WRONG_STATE" } });
    expect(await s.db.documentUpdate.count({ where: { proposalId: f.proposalId } })).toBe(rows);

    await eventually(() => watch.latest().rounds.some((r) => r.id === roundId && r.status === "OPEN"), "the board to show the open round");
    expect(watch.latest().proposals.find((p) => p.id === f.proposalId)?.state).toBe("VOTING");
  });

  it("takes one ballot per delegation, even when two of its delegates cast at the same instant", async () => {
    const [a, b] = await Promise.allSettled([
      castBallot({ ...ctx(), userId: f.users.china, input: { roundId, choice: "YES" }, now: now() }),
      castBallot({ ...ctx(), userId: f.users.china2, input: { roundId, choice: "ABSTAIN", explanation: "Pending instructions." }, now: now() }),
    ]);
    expect([a.status, b.status]).toEqual(["fulfilled", "fulfilled"]);
    const ballots = await s.db.ballot.findMany({ where: { roundId } });
    expect(ballots).toHaveLength(1);
    expect(ballots[0]!.delegationId).toBe(chn);
    // The delegation may change its ballot while the round is open: the latest counts.
    await castBallot({ ...ctx(), userId: f.users.china2, input: { roundId, choice: "YES" }, now: now() });
    expect((await s.db.ballot.findMany({ where: { roundId } })).map((x) => x.choice)).toEqual(["YES"]);
    expect(await s.db.auditEvent.count({ where: { action: { in: ["ballot.cast", "ballot.change"] } } })).toBe(3);
  });

  it("refuses ballots from observers, the chair, other workshops, and for another delegation", async () => {
    await expect(castBallot({ ...ctx(), userId: f.users.observer, input: { roundId, choice: "NO" }, now: now() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(castBallot({ ...ctx(), userId: f.users.chair, input: { roundId, choice: "NO" }, now: now() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(castBallot({ ...ctx(), userId: f.users.outsider, input: { roundId, choice: "NO" }, now: now() })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      castBallot({ ...ctx(), userId: f.users.japan, input: { roundId, choice: "NO", delegationId: chn } as never, now: now() }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT" });
    expect((await s.db.ballot.findMany({ where: { roundId } })).map((x) => x.delegationId)).toEqual([chn]);
  });

  it("shows who has voted, but not how, while a secret round is open", async () => {
    await castBallot({ ...ctx(), userId: f.users.japan, input: { roundId, choice: "YES" }, now: now() });
    const watch = await board(f.users.japan);
    const round = watch.latest().rounds.find((r) => r.id === roundId)!;
    expect(round.voted).toEqual([chn, jpn].sort());
    expect(round.ballots).toBeNull();
  });

  it("closes with the tally, adopts the text, and never changes again", async () => {
    const watch = await board(f.users.china);
    const result = await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId, now: now() });
    expect(result.state).toBe("ADOPTED");
    expect(result.tally).toMatchObject({ yes: 2, no: 0, cast: 2, isAdopted: true, reason: "ADOPTED" });
    expect((await s.db.proposal.findUniqueOrThrow({ where: { id: f.proposalId } })).state).toBe("ADOPTED");
    await eventually(() => watch.latest().rounds.find((r) => r.id === roundId)?.status === "CLOSED", "the board to show the result");
    // A secret round shows only its totals, ever: the tally above, no delegation's choice.
    expect(watch.latest().rounds.find((r) => r.id === roundId)!.ballots).toBeNull();
    expect(watch.latest().rounds.find((r) => r.id === roundId)!.tally).toMatchObject({ yes: 2, no: 0 });

    await expect(castBallot({ ...ctx(), userId: f.users.japan, input: { roundId, choice: "NO" }, now: now() })).rejects.toMatchObject({ code: "ROUND_CLOSED" });
    await expect(closeVoteRound({ ...ctx(), userId: f.users.chair, roundId, now: now() })).rejects.toMatchObject({ code: "WRONG_STATE" });
    const record = await listVoteRounds({ db: s.db, userId: f.users.observer, proposalId: f.proposalId });
    expect(record[0]).toMatchObject({ id: roundId, status: "CLOSED", previousVotedVersion: null, ballots: null });
  });
});

describe("a round that is not adopted, and one cancelled", () => {
  it("returns the proposal to drafting, and editing works again", async () => {
    const p = f.otherProposalId;
    const japan = await client(f.users.japan, p);
    const round = await openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: p, input: { question: "Adopt?", rule: "MAJORITY", quorum: 2 }, now: now() });
    await castBallot({ ...ctx(), userId: f.users.japan, input: { roundId: round.id, choice: "YES" }, now: now() });
    await castBallot({ ...ctx(), userId: f.users.china, input: { roundId: round.id, choice: "NO" }, now: now() });
    const result = await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId: round.id, now: now() });
    expect(result).toMatchObject({ state: "DRAFTING", tally: { yes: 1, no: 1, isAdopted: false, reason: "NOT_ENOUGH_YES" } });
    await eventually(() => japan.provider.edit.canEdit, "drafting to reopen in the editor");
    para(japan.doc).insert(0, "Revised: ");
    await japan.provider.whenSaved();

    const second = await openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: p, input: { question: "Adopt as revised?", rule: "TWO_THIRDS", quorum: 1 }, now: now() });
    await closeVoteRound({ ...ctx(), userId: f.users.chair, roundId: second.id, cancel: true, now: now() });
    const stored = await s.db.voteRound.findUniqueOrThrow({ where: { id: second.id } });
    expect(stored).toMatchObject({ status: "CANCELLED", result: null });
    expect((await s.db.proposal.findUniqueOrThrow({ where: { id: p } })).state).toBe("DRAFTING");
    // The record links the second round to the first voted version for Compare.
    const record = await listVoteRounds({ db: s.db, userId: f.users.china, proposalId: p });
    expect(record.map((r) => r.status)).toEqual(["CANCELLED", "CLOSED"]);
    expect(record[0]!.previousVotedVersion).toBe(record[1]!.versionNumber);
  });
});

describe("the chair's other controls", () => {
  it("locks and reopens drafting live, and only the chair may", async () => {
    const p = f.otherProposalId;
    const china = await client(f.users.china, p);
    await expect(changeProposalState({ ...ctx(), userId: f.users.china, proposalId: p, change: "lock", now: now() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeProposalState({ ...ctx(), userId: f.users.chair, proposalId: p, change: "lock", now: now() });
    await eventually(() => china.provider.edit.canEdit === false, "the lock to reach the editor");
    expect(china.provider.edit).toEqual({ canEdit: false, reason: "The chair has locked drafting." });
    await expect(changeProposalState({ ...ctx(), userId: f.users.chair, proposalId: p, change: "lock", now: now() })).rejects.toMatchObject({ code: "WRONG_STATE" });
    await changeProposalState({ ...ctx(), userId: f.users.chair, proposalId: p, change: "unlock", now: now() });
    await eventually(() => china.provider.edit.canEdit === true, "drafting to reopen");
  });

  it("sets the current agenda item and runs the speaking queue, live", async () => {
    const watch = await board(f.users.observer);
    await setCurrentItem({ ...ctx(), userId: f.users.chair, workshopId: f.workshopId, proposalId: f.otherProposalId });
    await eventually(() => watch.latest().currentProposalId === f.otherProposalId, "the current item to change");

    await expect(requestFloor({ ...ctx(), userId: f.users.observer, workshopId: f.workshopId, now: now() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const req = await requestFloor({ ...ctx(), userId: f.users.japan, workshopId: f.workshopId, now: now() });
    await expect(requestFloor({ ...ctx(), userId: f.users.japan, workshopId: f.workshopId, now: now() })).rejects.toMatchObject({ code: "ALREADY_QUEUED" });
    await requestFloor({ ...ctx(), userId: f.users.china, workshopId: f.workshopId, now: now() });
    await expect(giveFloor({ ...ctx(), userId: f.users.china, workshopId: f.workshopId, input: { requestId: req.id }, now: now() })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await giveFloor({ ...ctx(), userId: f.users.chair, workshopId: f.workshopId, input: { requestId: req.id, limitSeconds: 120 }, now: now() });
    await eventually(() => watch.latest().floor[0]?.status === "SPEAKING", "the speaker to show");
    expect(watch.latest().floor.map((x) => [x.name, x.status, x.delegationId])).toEqual([
      ["Sato Haruki", "SPEAKING", jpn],
      ["Li Wei", "WAITING", chn],
    ]);
    expect(watch.latest().floor[0]!.limitSeconds).toBe(120);
    await endFloor({ ...ctx(), userId: f.users.chair, workshopId: f.workshopId, now: now() });
    await eventually(() => watch.latest().floor.length === 1, "the speaker to step down");
  });

  it("keeps an audit log the chair can filter by proposal, and nobody else can read", async () => {
    const all = await listAuditEvents({ db: s.db, userId: f.users.chair, workshopId: f.workshopId });
    const actions = new Set(all.events.map((e) => e.action));
    for (const a of ["vote.open", "vote.close", "vote.cancel", "ballot.cast", "proposal.lock", "proposal.unlock", "floor.give", "agenda.current"]) expect(actions).toContain(a);
    const one = await listAuditEvents({ db: s.db, userId: f.users.chair, workshopId: f.workshopId, proposalId: f.proposalId });
    expect(one.events.every((e) => e.proposalId === f.proposalId)).toBe(true);
    // A secret ballot's choice is not in the log.
    expect(one.events.filter((e) => e.action === "ballot.cast").every((e) => !("choice" in e.detail))).toBe(true);
    await expect(listAuditEvents({ db: s.db, userId: f.users.china, workshopId: f.workshopId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe("all or nothing", () => {
  it.skipIf(!!process.env.ACCORD_TEST_PG_URL)("a vote that fails to open leaves no trace: no state change, no version, drafting goes on", async () => {
    const p = f.otherProposalId;
    const japan = await client(f.users.japan, p);
    const versionsBefore = await s.db.version.count({ where: { proposalId: p } });
    const auditBefore = await s.db.auditEvent.count({ where: { proposalId: p } });
    // Make the last write of the transaction (the round) fail inside the database.
    await s.db.$executeRawUnsafe(`CREATE TRIGGER fail_vote BEFORE INSERT ON "VoteRound" BEGIN SELECT RAISE(ABORT, 'injected failure'); END`);
    try {
      await expect(
        openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: p, input: { question: "Adopt?", rule: "MAJORITY", quorum: 1 }, now: now() }),
      ).rejects.toThrow();
    } finally {
      await s.db.$executeRawUnsafe(`DROP TRIGGER fail_vote`);
    }
    expect((await s.db.proposal.findUniqueOrThrow({ where: { id: p } })).state).toBe("DRAFTING");
    expect(await s.db.version.count({ where: { proposalId: p } })).toBe(versionsBefore);
    expect(await s.db.auditEvent.count({ where: { proposalId: p } })).toBe(auditBefore);
    expect(s.server.rooms.peek(p)!.state).toBe("DRAFTING");
    // And the room still takes edits.
    para(japan.doc).insert(0, "After the failed vote: ");
    await japan.provider.whenSaved();
    expect(japan.provider.lastError).toBeNull();
  });
});
