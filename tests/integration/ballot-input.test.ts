// A ballot's explanation that is not text (a number, an object, a list) is refused by name —
// INVALID_INPUT, "Explanation: …" — through the use case and through its server action, with
// nothing stored and nothing logged as a failure of ours (a stack trace in the log).
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { setDb } from "../../lib/db";
import { ERRORS } from "../../lib/errors";
import type { Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import type { TestServer } from "../helpers/test-server";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { castBallotAction } from "../../app/workshops/[workshopId]/decision-actions";

const session = vi.hoisted(() => ({ userId: null as string | null }));
vi.mock("../../server/auth/session.ts", () => ({
  currentUser: async () => (session.userId === null ? null : { id: session.userId, name: "Test", email: "test@accord.example" }),
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

let s: TestServer;
let f: Fixture;
let roundId: string;
const now = () => new Date();

beforeAll(async () => {
  ({ s, f } = await startFixtureServer("The Parties agree."));
  setDb(s.db);
  const round = await openVoteRound({
    db: s.db,
    live: s.server.live,
    rooms: s.server.rooms,
    userId: f.users.chair,
    proposalId: f.proposalId,
    input: { question: "Adopt?", rule: "MAJORITY", quorum: 1 },
    now: now(),
  });
  roundId = round.id;
});
afterAll(async () => {
  await new Promise((r) => setTimeout(r, 100));
  await stopFixtureServer(s, []);
});
afterEach(() => vi.restoreAllMocks());

const NOT_TEXT: Array<[string, unknown]> = [
  ["a number", 42],
  ["an object", {}],
  ["a list", ["a"]],
  ["true", true],
  ["null", null],
];

async function nothingStored() {
  expect(await s.db.ballot.count({ where: { roundId } })).toBe(0);
  expect(await s.db.auditEvent.count({ where: { action: { in: ["ballot.cast", "ballot.change"] } } })).toBe(0);
}

describe("a ballot whose explanation is not text", () => {
  it.each(NOT_TEXT)("is refused by the use case as INVALID_INPUT naming the explanation (%s)", async (_label, explanation) => {
    const logged = vi.spyOn(console, "error");
    const refusal = await castBallot({ db: s.db, live: s.server.live, userId: f.users.japan, input: { roundId, choice: "YES", explanation } as never, now: now() }).then(
      () => null,
      (e: unknown) => e as { code?: string; message?: string; name?: string },
    );
    expect(refusal).toMatchObject({ name: "AppError", code: "INVALID_INPUT" });
    expect(refusal!.message).toMatch(/^Explanation: /);
    expect(refusal!.message).not.toBe(ERRORS.INVALID_INPUT.message);
    expect(logged).not.toHaveBeenCalled();
    await nothingStored();
  });

  it.each(NOT_TEXT)("is refused by the server action as INVALID_INPUT naming the explanation (%s)", async (_label, explanation) => {
    session.userId = f.users.japan;
    const logged = vi.spyOn(console, "error");
    const result = await castBallotAction(roundId, "YES", explanation as string);
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((result as { message: string }).message).toMatch(/^explanation: /i);
    expect(logged).not.toHaveBeenCalled();
    await nothingStored();
  });

  it("still takes a ballot with a text explanation, or none", async () => {
    await castBallot({ db: s.db, live: s.server.live, userId: f.users.japan, input: { roundId, choice: "YES", explanation: "  We support it.  " }, now: now() });
    await castBallot({ db: s.db, live: s.server.live, userId: f.users.china, input: { roundId, choice: "NO" }, now: now() });
    const ballots = await s.db.ballot.findMany({ where: { roundId }, orderBy: { castAt: "asc" } });
    expect(ballots.map((b) => [b.choice, b.explanation])).toEqual([
      ["YES", "We support it."],
      ["NO", null],
    ]);
  });

  it("still names the explanation when it is too long", async () => {
    await expect(
      castBallot({ db: s.db, live: s.server.live, userId: f.users.japan, input: { roundId, choice: "NO", explanation: "x".repeat(2001) }, now: now() }),
    ).rejects.toMatchObject({ code: "INVALID_INPUT", message: expect.stringMatching(/^Explanation: /) });
    expect((await s.db.ballot.findFirstOrThrow({ where: { roundId, castById: f.users.japan } })).choice).toBe("YES");
  });
});
