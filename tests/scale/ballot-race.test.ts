// Issue 22, item 2: ballots cast and changed through two nodes while the chair closes the
// round, on PostgreSQL (npm run test:scale). The stored tally must always equal the ballots
// left in the database, and nothing about a ballot may be written after the round closed.
//
// "Two nodes" are two Prisma clients (two connection pools) on one database, the services
// called directly, as in cluster.test.ts: the race is between transactions in the database —
// a node is exactly one client — and casting/closing are Next server actions, not socket events.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb } from "../helpers/test-db";
import { createFixture, type Fixture } from "../helpers/fixtures";
import { createDb, type Db } from "../../lib/db";
import { tally } from "../../lib/domain/tally";
import type { BallotChoice } from "../../lib/domain/vocabulary";
import { RoomRegistry } from "../../server/realtime/rooms";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { silentNotifier } from "../../server/services/live-notifier";
import { recordStartingDraft } from "../../server/document-store/starting-draft";
import { stateFromPmJson } from "../../lib/document/convert";

if (!process.env.ACCORD_TEST_PG_URL) throw new Error("test:scale needs ACCORD_TEST_PG_URL (a PostgreSQL server)");

const ROUNDS = 20;
const DELEGATIONS = 6;
const CHOICES: BallotChoice[] = ["YES", "NO", "ABSTAIN"];

let t: TestDb;
let f: Fixture;
let nodeA: Db;
let nodeB: Db;
const delegates: string[] = []; // two per delegation

beforeAll(async () => {
  t = await createTestDb();
  if (!t.url.startsWith("postgres")) throw new Error("this suite is about PostgreSQL");
  f = await createFixture(t.db, "Base text.");
  for (let d = 0; d < DELEGATIONS; d++) {
    const delegation = await t.db.delegation.create({ data: { workshopId: f.workshopId, name: `Delegation ${d}`, code: `D${d}`, colour: "#334155" } });
    for (let k = 0; k < 2; k++) {
      const u = await t.db.user.create({ data: { email: `d${d}-${k}-${f.workshopId}@accord.example`, name: `Delegate ${d}.${k}`, passwordHash: "unused" } });
      await t.db.member.create({ data: { workshopId: f.workshopId, userId: u.id, role: "DELEGATE", delegationId: delegation.id } });
      delegates.push(u.id);
    }
  }
  nodeA = createDb(t.url);
  nodeB = createDb(t.url);
});

afterAll(async () => {
  await nodeA?.$disconnect();
  await nodeB?.$disconnect();
  await t?.cleanup();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T,>(xs: readonly T[]) => xs[Math.floor(Math.random() * xs.length)]!;

async function freshProposal(n: number): Promise<string> {
  const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `Race text ${n}.` }] }] };
  const p = await t.db.proposal.create({ data: { workshopId: f.workshopId, title: `Race ${n}`, position: 10 + n } });
  await recordStartingDraft(t.db, { proposalId: p.id, state: stateFromPmJson(doc), owner: { userId: f.users.chair, delegationId: null } });
  return p.id;
}

/** One round: delegates cast and change ballots through both nodes while the chair closes it. Returns what went wrong. */
const seen = { accepted: 0, refused: 0 };

async function raceOnce(n: number): Promise<string[]> {
  const proposalId = await freshProposal(n);
  const rooms = new RoomRegistry(t.db);
  const round = await openVoteRound({
    db: t.db,
    rooms,
    live: silentNotifier,
    userId: f.users.chair,
    proposalId,
    input: { question: "Adopt?", rule: pick(["MAJORITY", "CONSENSUS", "TWO_THIRDS"] as const), quorum: 3, isOpenBallot: n % 2 === 0 },
    now: new Date(),
  });
  await rooms.closeAll();

  // A first wave so most delegations have a ballot to change, then changes racing the close.
  const casts: Promise<unknown>[] = [];
  const cast = (userId: string, i: number, delay: number) =>
    casts.push(
      sleep(delay).then(() =>
        castBallot({ db: i % 2 === 0 ? nodeA : nodeB, live: silentNotifier, userId, input: { roundId: round.id, choice: pick(CHOICES) }, now: new Date() }),
      ),
    );
  delegates.forEach((userId, i) => cast(userId, i, Math.random() * 4));
  delegates.forEach((userId, i) => {
    for (let k = 0; k < 2; k++) cast(userId, i + k + 1, 4 + Math.random() * 25);
  });
  const close = sleep(8 + Math.random() * 15).then(() =>
    closeVoteRound({ db: n % 2 === 0 ? nodeB : nodeA, live: silentNotifier, userId: f.users.chair, roundId: round.id, now: new Date() }),
  );
  const settled = await Promise.allSettled(casts);
  await close;

  const problems: string[] = [];
  const fulfilled = settled.filter((s) => s.status === "fulfilled").length;
  seen.accepted += fulfilled;
  seen.refused += settled.length - fulfilled;
  for (const s of settled) {
    if (s.status === "rejected" && (s.reason as { code?: string }).code !== "ROUND_CLOSED") problems.push(`a cast failed: ${String(s.reason)}`);
  }
  const stored = await t.db.voteRound.findUniqueOrThrow({ where: { id: round.id } });
  const ballots = await t.db.ballot.findMany({ where: { roundId: round.id } });
  const expected = tally(stored.rule, stored.quorum, ballots.map((b) => b.choice));
  if (stored.status !== "CLOSED") problems.push(`status ${stored.status}`);
  const result = stored.result ? JSON.parse(stored.result) : null;
  if (JSON.stringify(result) !== JSON.stringify(expected)) {
    problems.push(`stored tally ${JSON.stringify(result && { yes: result.yes, no: result.no, abstain: result.abstain })} ≠ ballots ${JSON.stringify({ yes: expected.yes, no: expected.no, abstain: expected.abstain })}`);
  }

  // The moment of closing: the close's own audit entry, written in its transaction after it claimed
  // the round. (closedAt is the chair's click, read before the close reaches the database.)
  const audit = await t.db.auditEvent.findMany({ where: { proposalId }, orderBy: { createdAt: "asc" } });
  const closing = audit.find((e) => e.action === "vote.close");
  if (!closing) return [...problems, "no vote.close audit entry"];
  const ballotEvents = audit.filter((e) => e.action === "ballot.cast" || e.action === "ballot.change");
  const lateEvents = ballotEvents.filter((e) => e.createdAt > closing.createdAt);
  if (lateEvents.length) problems.push(`${lateEvents.length} ballot audit entries after the close`);
  const lateBallots = ballots.filter((b) => b.updatedAt > closing.createdAt);
  if (lateBallots.length) problems.push(`${lateBallots.length} ballots written after the close`);
  // Every accepted cast is in the log once; a refused one left nothing.
  if (ballotEvents.length !== fulfilled) problems.push(`${ballotEvents.length} ballot audit entries for ${fulfilled} accepted casts`);
  return problems;
}

describe("ballots racing the close, through two nodes on PostgreSQL", () => {
  it(`leave a tally equal to the stored ballots, ${ROUNDS} times`, async () => {
    const failures: string[] = [];
    for (let n = 0; n < ROUNDS; n++) {
      const problems = await raceOnce(n);
      if (problems.length) failures.push(`round ${n + 1}: ${problems.join("; ")}`);
    }
    expect(failures, `${failures.length} of ${ROUNDS} rounds inconsistent`).toEqual([]);
    // The close really landed among the ballots: some were accepted, some refused as too late.
    expect(seen.accepted).toBeGreaterThan(0);
    expect(seen.refused).toBeGreaterThan(0);
  });
});
