// The outcome record on a real database and a real server: a proposal adopted by an open-ballot
// vote through the vote use cases, one still drafting, one withdrawn. The record lists them in
// agenda order, verifies as intact, reports tampering at the right entry, refuses who may not
// read it, and — checked against this database — flags a re-sealed forgery.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sealOutcomeRecord, verifyRecord, type OutcomeEntry, type OutcomeRecord } from "../../lib/domain/outcome-record";
import { versionHash } from "../../lib/domain/version-chain";
import { isAppError } from "../../lib/errors";
import { stateFromPmJson } from "../../lib/document/convert";
import { recordStartingDraft } from "../../server/document-store/starting-draft";
import { buildOutcomeRecord } from "../../server/services/outcomes/build-outcome-record";
import { verifyOutcomeRecordAgainstDb } from "../../server/services/outcomes/verify-outcome-record";
import { openVoteRound } from "../../server/services/votes/open-vote-round";
import { castBallot } from "../../server/services/votes/cast-ballot";
import { closeVoteRound } from "../../server/services/votes/close-vote-round";
import { changeProposalState } from "../../server/services/proposals/change-proposal-state";
import { saveNamedVersion } from "../../server/services/history/save-named-version";
import type { Fixture } from "../helpers/fixtures";
import { startFixtureServer, stopFixtureServer } from "../helpers/fixture-server";
import { observeQueries, rowsOf } from "../helpers/observe-queries";
import type { TestServer } from "../helpers/test-server";

let s: TestServer;
let f: Fixture;
let draftId: string;
let record: OutcomeRecord;
const now = () => new Date();

async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    if (isAppError(e)) return e.code;
    throw e;
  }
  throw new Error("expected a refusal, but the call succeeded");
}

/** The record as a file carries it, read back. */
const file = (r: OutcomeRecord): OutcomeRecord => JSON.parse(JSON.stringify(r)) as OutcomeRecord;

beforeAll(async () => {
  ({ s, f } = await startFixtureServer("The Parties establish a regional public-health exchange mechanism."));
  const ctx = { db: s.db, live: s.server.live };
  // Agenda: the new draft first, then the fixture's two items.
  const draft = await s.db.proposal.create({ data: { workshopId: f.workshopId, title: "SME financing", position: 0 } });
  const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Article 1. Capital-chain continuity (draft)." }] }] };
  await recordStartingDraft(s.db, { proposalId: draft.id, state: stateFromPmJson(doc), owner: { userId: f.users.chair, delegationId: null } });
  draftId = draft.id;
  await s.db.proposal.update({ where: { id: f.proposalId }, data: { position: 1 } });
  await s.db.proposal.update({ where: { id: f.otherProposalId }, data: { position: 2 } });

  await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: draftId, label: "Before lunch" });
  await saveNamedVersion({ db: s.db, rooms: s.server.rooms, userId: f.users.chair, proposalId: f.proposalId, label: "Chair's text" });
  const round = await openVoteRound({
    ...ctx,
    rooms: s.server.rooms,
    userId: f.users.chair,
    proposalId: f.proposalId,
    input: { question: "Does the workshop adopt this text?", rule: "MAJORITY", quorum: 2, isOpenBallot: true },
    now: now(),
  });
  await castBallot({ ...ctx, userId: f.users.china, input: { roundId: round.id, choice: "YES" }, now: now() });
  await castBallot({ ...ctx, userId: f.users.japan, input: { roundId: round.id, choice: "ABSTAIN" }, now: now() });
  expect((await closeVoteRound({ ...ctx, userId: f.users.chair, roundId: round.id, now: now() })).state).toBe("ADOPTED");
  await changeProposalState({ ...ctx, userId: f.users.chair, proposalId: f.otherProposalId, change: "withdraw", now: now() });

  record = await buildOutcomeRecord({ db: s.db, userId: f.users.chair, workshopId: f.workshopId });
});
// Let live-board snapshots still queued go out before the database closes.
afterAll(() => stopFixtureServer(s, [], 100));

describe("the outcome record", () => {
  it("lists every proposal in agenda order with its final state, version, vote and chain head", async () => {
    expect(record).toMatchObject({ format: "accord-outcome-record/1", workshop: { id: f.workshopId, title: "Realtime test workshop", timeZone: "UTC" } });
    expect(record.entries.map((e) => [e.proposal.title, e.proposal.position, e.proposal.state])).toEqual([
      ["SME financing", 0, "DRAFTING"],
      ["Live text", 1, "ADOPTED"],
      ["Second item", 2, "WITHDRAWN"],
    ]);
    const [draft, adopted, withdrawn] = record.entries as [OutcomeEntry, OutcomeEntry, OutcomeEntry];

    const draftVersion = await s.db.version.findFirstOrThrow({ where: { proposalId: draftId }, orderBy: { number: "desc" } });
    expect(draft.version).toMatchObject({ proposalId: draftId, number: 1, kind: "NAMED", label: "Before lunch", text: draftVersion.text, hash: draftVersion.hash });
    expect(draft.version!.text).toContain("Capital-chain continuity");
    expect(draft).toMatchObject({ vote: null, chainHead: { number: 1, hash: draftVersion.hash } });

    const voted = await s.db.version.findFirstOrThrow({ where: { proposalId: f.proposalId, kind: "VOTE" } });
    expect(adopted.version).toMatchObject({ number: voted.number, kind: "VOTE", text: voted.text, hash: voted.hash, createdAt: voted.createdAt.toISOString(), prevHash: voted.prevHash });
    expect(adopted.version!.text).toContain("public-health exchange mechanism");
    expect(adopted.vote).toMatchObject({
      question: "Does the workshop adopt this text?",
      rule: "MAJORITY",
      quorum: 2,
      isOpenBallot: true,
      status: "CLOSED",
      versionNumber: voted.number,
      versionHash: voted.hash,
      totals: { yes: 1, no: 0, abstain: 1, cast: 2, isAdopted: true, reason: "ADOPTED" },
      outcome: "ADOPTED",
      ballots: [
        { delegation: { code: "CHN", name: "China" }, choice: "YES" },
        { delegation: { code: "JPN", name: "Japan" }, choice: "ABSTAIN" },
      ],
    });
    expect(adopted.chainHead).toEqual({ number: voted.number, hash: voted.hash });

    // Never written: no version, no vote, no chain head.
    expect(withdrawn).toMatchObject({ version: null, vote: null, chainHead: null });
    expect(record.recordHash).toBe(withdrawn.entryHash);
  });

  it("reads one text per proposal, never the whole history", async () => {
    const texts: number[] = [];
    const db = observeQueries(s.db, {
      after: ({ result }) => {
        const n = rowsOf(result).filter((r) => typeof r.text === "string").length;
        if (n > 0) texts.push(n);
      },
    });
    const again = await buildOutcomeRecord({ db, userId: f.users.chair, workshopId: f.workshopId });
    expect(texts.every((n) => n === 1)).toBe(true);
    expect(texts.length).toBe(again.entries.filter((e) => e.version).length);
    // Two versions of the adopted proposal exist; only the voted one's text was read.
    expect(await s.db.version.count({ where: { proposalId: f.proposalId } })).toBe(2);
  });

  it("verifies as intact, as written to a file and read back", () => {
    expect(verifyRecord(file(record))).toEqual({ intact: true, entries: 3, recordHash: record.recordHash });
  });

  it("reports tampering with the stored JSON at the right entry", () => {
    const json = JSON.stringify(record);
    const text = JSON.parse(json) as OutcomeRecord;
    text.entries[1]!.version!.text = text.entries[1]!.version!.text.replace("regional", "global");
    expect(verifyRecord(text)).toMatchObject({ intact: false, entry: 1, proposal: "Live text", reason: "version-hash", message: "Entry 2 (“Live text”): the adopted text does not match its version hash" });

    const totals = JSON.parse(json) as OutcomeRecord;
    totals.entries[1]!.vote!.totals!.abstain = 0;
    totals.entries[1]!.vote!.totals!.cast = 1;
    expect(verifyRecord(totals)).toMatchObject({ intact: false, entry: 1, reason: "vote-mismatch" });

    const title = JSON.parse(json) as OutcomeRecord;
    title.entries[2]!.proposal.title = "Second item (adopted)";
    expect(verifyRecord(title)).toMatchObject({ intact: false, entry: 2, reason: "entry-hash" });

    expect(verifyRecord({ ...(JSON.parse(json) as object), entries: "none" })).toMatchObject({ intact: false, reason: "malformed", message: "Not an outcome record: record.entries: expected a list." });
  });
});

describe("who may have the record", () => {
  it("the chair and delegates; observers only once the chair allows it", async () => {
    expect((await buildOutcomeRecord({ db: s.db, userId: f.users.china, workshopId: f.workshopId })).entries).toHaveLength(3);
    expect(await refusal(() => buildOutcomeRecord({ db: s.db, userId: f.users.observer, workshopId: f.workshopId }))).toBe("FORBIDDEN");
    await s.db.workshop.update({ where: { id: f.workshopId }, data: { outcomeForObservers: true } });
    try {
      const r = await buildOutcomeRecord({ db: s.db, userId: f.users.observer, workshopId: f.workshopId });
      expect(r.entries.map((e) => e.proposal.title)).toEqual(record.entries.map((e) => e.proposal.title));
    } finally {
      await s.db.workshop.update({ where: { id: f.workshopId }, data: { outcomeForObservers: false } });
    }
  });

  it("refuses a member of another workshop, anyone signed out, and an unknown workshop alike", async () => {
    expect(await refusal(() => buildOutcomeRecord({ db: s.db, userId: f.users.outsider, workshopId: f.workshopId }))).toBe("NOT_FOUND");
    expect(await refusal(() => buildOutcomeRecord({ db: s.db, userId: null, workshopId: f.workshopId }))).toBe("UNAUTHENTICATED");
    expect(await refusal(() => buildOutcomeRecord({ db: s.db, userId: f.users.chair, workshopId: "no-such-workshop" }))).toBe("NOT_FOUND");
  });
});

describe("checking a record against this database's history", () => {
  /** The adopted text changed and every hash recomputed: intact in itself, not in history. */
  function resealedForgery(): OutcomeRecord {
    const r = file(record);
    const entries = r.entries.map(({ entryHash: _, ...e }) => e);
    const v = entries[1]!.version!;
    v.text = v.text.replace("regional", "global");
    v.hash = versionHash({ ...v, createdAt: new Date(v.createdAt) });
    entries[1]!.vote!.versionHash = v.hash;
    entries[1]!.chainHead!.hash = v.hash;
    return sealOutcomeRecord({ workshop: r.workshop, generatedAt: r.generatedAt, entries });
  }

  it("confirms a genuine record for a member", async () => {
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.japan, record: file(record) })).toEqual({ intact: true, entries: 3, recordHash: record.recordHash, history: "checked" });
  });

  it("flags a re-sealed forgery at the entry whose hash is not in history", async () => {
    const forged = resealedForgery();
    expect(verifyRecord(forged)).toMatchObject({ intact: true });
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.chair, record: forged })).toMatchObject({
      intact: false,
      entry: 1,
      proposal: "Live text",
      reason: "not-in-history",
      history: "checked",
    });
  });

  it("flags an entry for a proposal this workshop does not have", async () => {
    const r = file(record);
    const entries = r.entries.map(({ entryHash: _, ...e }) => e);
    entries[2]!.proposal.id = "not-a-proposal";
    const sealed = sealOutcomeRecord({ workshop: r.workshop, generatedAt: r.generatedAt, entries });
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.chair, record: sealed })).toMatchObject({ intact: false, entry: 2, reason: "not-in-history" });
  });

  it("runs only the self-check for callers who may not read the workshop's record", async () => {
    const forged = resealedForgery();
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: null, record: forged })).toMatchObject({ intact: true, history: "skipped", skipped: "UNAUTHENTICATED" });
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.outsider, record: forged })).toMatchObject({ intact: true, history: "skipped", skipped: "NOT_FOUND" });
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.observer, record: forged })).toMatchObject({ intact: true, history: "skipped", skipped: "FORBIDDEN" });
  });

  it("does not consult the database for a record broken in itself", async () => {
    const broken = file(record);
    broken.entries[0]!.proposal.title = "Changed";
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.chair, record: broken })).toMatchObject({ intact: false, entry: 0, reason: "entry-hash", history: "skipped", skipped: "BROKEN" });
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.chair, record: { not: "a record" } })).toMatchObject({ intact: false, reason: "malformed" });
  });
});

// Last: it adds a fourth proposal to the workshop.
describe("a secret ballot", () => {
  it("lists no choices, only the totals", async () => {
    const secret = await s.db.proposal.create({ data: { workshopId: f.workshopId, title: "Secret vote", position: 3 } });
    const doc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Urban diplomacy." }] }] };
    await recordStartingDraft(s.db, { proposalId: secret.id, state: stateFromPmJson(doc), owner: null });
    const ctx = { db: s.db, live: s.server.live };
    const round = await openVoteRound({ ...ctx, rooms: s.server.rooms, userId: f.users.chair, proposalId: secret.id, input: { question: "Adopt?", rule: "CONSENSUS", quorum: 2 }, now: now() });
    await castBallot({ ...ctx, userId: f.users.china, input: { roundId: round.id, choice: "YES" }, now: now() });
    await castBallot({ ...ctx, userId: f.users.japan, input: { roundId: round.id, choice: "NO" }, now: now() });
    await closeVoteRound({ ...ctx, userId: f.users.chair, roundId: round.id, now: now() });
    const r = await buildOutcomeRecord({ db: s.db, userId: f.users.japan, workshopId: f.workshopId });
    const entry = r.entries.find((e) => e.proposal.id === secret.id)!;
    // Not adopted: back to drafting, the newest version and the round that did not adopt it.
    expect(entry.proposal.state).toBe("DRAFTING");
    expect(entry.vote).toMatchObject({ isOpenBallot: false, status: "CLOSED", outcome: "NOT_ADOPTED", totals: { yes: 1, no: 1, reason: "OBJECTION" }, ballots: [] });
    expect(entry.vote!.versionNumber).toBe(entry.version!.number);
    expect(verifyRecord(file(r))).toMatchObject({ intact: true, entries: 4 });
    expect(await verifyOutcomeRecordAgainstDb({ db: s.db, userId: f.users.chair, record: file(r) })).toMatchObject({ intact: true, history: "checked" });
  });

});
