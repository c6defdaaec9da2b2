// The history tells the story: vote versions titled by round and question with their outcome,
// Compare's default pair past a vote's repeated text, and an audit log that names the speaker
// and never a secret ballot's choice — on a real server and a real SQLite file.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import { openClient, type TestClient, type TestServer } from "../helpers/test-server";
import { listVersions } from "../../server/services/history/list-versions";
import { findDefaultComparePair } from "../../server/services/history/default-compare-pair";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { endFloor, giveFloor, requestFloor } from "../../server/services/floor/speaking-queue";
import { listAuditEvents } from "../../server/services/audit/list-audit-events";
import { versionTitle } from "../../components/history/version-title";
import { voteOutcomeInWords } from "../../lib/domain/vote-outcome";
import { actionInWords, detailInWords } from "../../app/workshops/[workshopId]/audit/audit-wording";

let s: TestServer;
let f: Fixture;
let chn: string;
let jpn: string;
const open: TestClient[] = [];
const now = () => new Date();
const ctx = () => ({ db: s.db, live: s.server.live });

beforeAll(async () => {
  ({ s, f, chn, jpn } = await startFixtureServer("The Parties agree."));
});
afterAll(() => stopFixtureServer(s, open));

function para(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}
const vote = (question: string, isOpenBallot: boolean) =>
  openVoteRound({ ...ctx(), rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, input: { question, rule: "MAJORITY", quorum: 1, isOpenBallot }, now: now() });
const ballot = (userId: string, roundId: string, choice: "YES" | "NO" | "ABSTAIN") => castBallot({ ...ctx(), userId, input: { roundId, choice }, now: now() });
const close = (roundId: string, cancel = false) => closeVoteRound({ ...ctx(), userId: f.users.chair, roundId, cancel, now: now() });
const names = () => ({ delegation: (id: unknown) => (id === chn ? "China" : id === jpn ? "Japan" : "a removed delegation") });
const story = async () =>
  (await listVersions({ db: s.db, userId: f.users.observer, proposalId: f.proposalId })).versions.map((v) => [
    versionTitle(v),
    v.round ? voteOutcomeInWords(v.round.status, v.round.tally) : null,
  ]);

describe("the history of a proposal put to the vote", () => {
  let firstRound: string;
  let secretRound: string;

  it("titles a vote's version by its round and question, and says it is being voted on", async () => {
    await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Rev.1" });
    const china = await openClient(s, f.users.china, f.proposalId);
    open.push(china);
    para(china.doc).insert(para(china.doc).length, " To share data.");
    await china.provider.whenSaved();
    await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Rev.2" });
    firstRound = (await vote("Does the workshop adopt this text?", true)).id;
    expect((await story()).slice(0, 2)).toEqual([
      ["Version 3 · Round 1 — Does the workshop adopt this text?", "Voting"],
      ["Version 2 — Rev.2", null],
    ]);
  });

  it("shows each round's outcome with its totals: not adopted, cancelled, adopted", async () => {
    await ballot(f.users.china, firstRound, "YES");
    await ballot(f.users.japan, firstRound, "NO");
    await close(firstRound);
    const cancelled = await vote("Adopt as amended?", false);
    await close(cancelled.id, true);
    secretRound = (await vote("Does the workshop adopt this text?", false)).id;
    await ballot(f.users.china, secretRound, "YES");
    await ballot(f.users.japan, secretRound, "ABSTAIN");
    await close(secretRound);
    expect(await story()).toEqual([
      ["Version 5 · Round 3 — Does the workshop adopt this text?", "Adopted · Yes 1 · No 0 · Abstain 1"],
      ["Version 4 · Round 2 — Adopt as amended?", "Cancelled"],
      ["Version 3 · Round 1 — Does the workshop adopt this text?", "Not adopted · Yes 1 · No 1 · Abstain 0"],
      ["Version 2 — Rev.2", null],
      ["Version 1 — Rev.1", null],
    ]);
  });

  it("compares by default the newest with the last version whose text differs", async () => {
    // Versions 2–5 all hold the same text; version 1 the text before China's edit.
    expect(await findDefaultComparePair({ db: s.db, userId: f.users.observer, proposalId: f.proposalId })).toEqual({ from: 1, to: 5, isIdentical: false });
    await expect(findDefaultComparePair({ db: s.db, userId: f.users.outsider, proposalId: f.proposalId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("logs an open ballot's choice, and a secret ballot's never, not even after the close", async () => {
    const { events } = await listAuditEvents({ db: s.db, userId: f.users.chair, workshopId: f.workshopId, proposalId: f.proposalId });
    const ballots = events.filter((e) => e.action === "ballot.cast").map((e) => detailInWords(e.action, e.detail, names()));
    // Newest first: the secret round (closed), then the open one.
    expect(ballots).toEqual(["For Japan: secret ballot", "For China: secret ballot", "For Japan: No", "For China: Yes"]);
    for (const e of events.filter((x) => x.action === "ballot.cast").slice(0, 2)) expect(e.detail).not.toHaveProperty("choice");
  });
});

describe("the audit log of the floor", () => {
  it("names the speaker when the floor is asked for, given and ended", async () => {
    const req = await requestFloor({ ...ctx(), userId: f.users.china, workshopId: f.workshopId, now: now() });
    await giveFloor({ ...ctx(), userId: f.users.chair, workshopId: f.workshopId, input: { requestId: req.id, limitSeconds: 90 }, now: now() });
    await endFloor({ ...ctx(), userId: f.users.chair, workshopId: f.workshopId, now: now() });
    const { events } = await listAuditEvents({ db: s.db, userId: f.users.chair, workshopId: f.workshopId });
    const floor = events.filter((e) => e.action.startsWith("floor.")).map((e) => [e.actor, actionInWords(e.action, e.proposalId, e.detail, names()), detailInWords(e.action, e.detail, names())]);
    expect(floor).toEqual([
      ["Chair", "Ended the speech of Li Wei (China)", ""],
      ["Chair", "Gave the floor to Li Wei (China)", "1:30 speaking time"],
      ["Li Wei", "Asked for the floor", "Li Wei (China)"],
    ]);
  });

  it("keeps the plain words for an entry without a speaker", () => {
    expect(actionInWords("floor.give", null, {}, names())).toBe("Gave the floor");
    expect(actionInWords("floor.end", null, {})).toBe("Ended a speech");
  });
});
