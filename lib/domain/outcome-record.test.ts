import { describe, expect, it } from "vitest";
import { sha256Hex, versionHash, type ChainedVersion } from "./version-chain";
import { tally } from "./tally";
import { outcomeEntryHash, sealOutcomeRecord, verifyRecord, type OutcomeEntry, type OutcomeRecord, type OutcomeVersion } from "./outcome-record";

function version(proposalId: string, number: number, text: string, prevHash: string | null = null): OutcomeVersion {
  const v: ChainedVersion = {
    proposalId,
    number,
    kind: number === 3 ? "VOTE" : "AUTO",
    label: number === 3 ? "Put to the vote: Adopt?" : null,
    text,
    contributors: ["d-jpn", "d-chn"],
    authorId: "chair",
    createdAt: new Date(Date.UTC(2026, 10, 28, 10, number)),
    stateSha256: sha256Hex(`state ${proposalId} ${number}`),
    prevHash,
  };
  return { ...v, createdAt: v.createdAt.toISOString(), contributors: [...v.contributors], hash: versionHash(v) };
}

/** Three proposals: adopted by an open ballot, still drafting, withdrawn after a cancelled vote; and one never written. */
function record(): OutcomeRecord {
  const adopted = version("p-health", 3, "Article 1. The Parties establish a public-health exchange mechanism.\n区域合作。");
  const drafting = version("p-sme", 5, "Article 1. SME financing (draft).");
  const withdrawn = version("p-city", 2, "City-to-city exchange.");
  const counted = tally("MAJORITY", 2, ["YES", "YES", "NO"]);
  const entries: Array<Omit<OutcomeEntry, "entryHash">> = [
    {
      proposal: { id: "p-health", title: "Public-health exchange", position: 0, state: "ADOPTED" },
      version: adopted,
      vote: {
        question: "Does the workshop adopt this text?",
        rule: "MAJORITY",
        quorum: 2,
        isOpenBallot: true,
        status: "CLOSED",
        openedAt: "2026-11-28T10:03:00.000Z",
        closedAt: "2026-11-28T10:09:00.000Z",
        versionNumber: 3,
        versionHash: adopted.hash,
        totals: { ...counted },
        outcome: "ADOPTED",
        ballots: [
          { delegation: { code: "CHN", name: "China" }, choice: "YES" },
          { delegation: { code: "JPN", name: "Japan" }, choice: "YES" },
          { delegation: { code: "KOR", name: "Republic of Korea" }, choice: "NO" },
        ],
      },
      chainHead: { number: 3, hash: adopted.hash },
    },
    { proposal: { id: "p-sme", title: "SME financing", position: 1, state: "DRAFTING" }, version: drafting, vote: null, chainHead: { number: 5, hash: drafting.hash } },
    {
      proposal: { id: "p-city", title: "Urban diplomacy", position: 2, state: "WITHDRAWN" },
      version: withdrawn,
      vote: {
        question: "Adopt?",
        rule: "CONSENSUS",
        quorum: 3,
        isOpenBallot: false,
        status: "CANCELLED",
        openedAt: "2026-11-28T11:00:00.000Z",
        closedAt: "2026-11-28T11:01:00.000Z",
        versionNumber: 2,
        versionHash: withdrawn.hash,
        totals: null,
        outcome: "CANCELLED",
        ballots: [],
      },
      chainHead: { number: 2, hash: withdrawn.hash },
    },
    { proposal: { id: "p-empty", title: "Industrial-chain security", position: 3, state: "DRAFTING" }, version: null, vote: null, chainHead: null },
  ];
  return sealOutcomeRecord({ workshop: { id: "w1", title: "China–Japan Economic and Trade Cooperation", timeZone: "Asia/Tokyo" }, generatedAt: "2026-11-28T12:00:00.000Z", entries });
}

/** The record as a file carries it: JSON text, parsed again (what the CLI and the route see). */
const asFile = (r: OutcomeRecord): unknown => JSON.parse(JSON.stringify(r));
const clone = (r: OutcomeRecord): OutcomeRecord => structuredClone(r);

describe("an intact record", () => {
  it("verifies, as built and as read back from JSON", () => {
    const r = record();
    expect(verifyRecord(r)).toEqual({ intact: true, entries: 4, recordHash: r.recordHash });
    expect(verifyRecord(asFile(r))).toEqual({ intact: true, entries: 4, recordHash: r.recordHash });
    expect(r.recordHash).toBe(r.entries.at(-1)!.entryHash);
  });

  it("verifies an empty workshop: the record hash is the header's", () => {
    const r = sealOutcomeRecord({ workshop: { id: "w", title: "Empty", timeZone: "UTC" }, generatedAt: "2026-01-01T00:00:00.000Z", entries: [] });
    expect(r.recordHash).toBe(r.headerHash);
    expect(verifyRecord(asFile(r))).toEqual({ intact: true, entries: 0, recordHash: r.headerHash });
  });

  it("chains each entry to the one before it: the same entry after another predecessor has another hash", () => {
    const r = record();
    const { entryHash, ...second } = r.entries[1]!;
    expect(outcomeEntryHash(second, r.entries[0]!.entryHash)).toBe(entryHash);
    expect(outcomeEntryHash(second, r.headerHash)).not.toBe(entryHash);
  });

  it("does not depend on key order in the file", () => {
    const r = record();
    const reordered = JSON.parse(JSON.stringify(r, (_k, v: unknown) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v)));
    expect(verifyRecord(reordered)).toMatchObject({ intact: true });
  });
});

type Tamper = (r: OutcomeRecord) => void;
// what, tamper, expected report (entry, reason), a phrase of the message
const tampered: Array<[string, Tamper, { entry: number | null; proposal: string | null; reason: string }, string]> = [
  [
    "the adopted text",
    (r) => (r.entries[0]!.version!.text += " (quietly amended)"),
    { entry: 0, proposal: "Public-health exchange", reason: "version-hash" },
    "Entry 1 (“Public-health exchange”): the adopted text does not match its version hash",
  ],
  ["a drafting text", (r) => (r.entries[1]!.version!.text = "Other."), { entry: 1, proposal: "SME financing", reason: "version-hash" }, "the text of version 5 does not match"],
  ["a version's time", (r) => (r.entries[2]!.version!.createdAt = "2026-11-28T10:00:00.000Z"), { entry: 2, proposal: "Urban diplomacy", reason: "version-hash" }, "version 2"],
  ["the adopted text and its hash (re-hashed forgery)", (r) => {
    const v = r.entries[0]!.version!;
    v.text = "Forged.";
    v.hash = versionHash({ ...v, createdAt: new Date(v.createdAt) });
  }, { entry: 0, proposal: "Public-health exchange", reason: "version-hash" }, "chain head is version 3 but with another hash"],
  ["a version re-hashed along with its chain head", (r) => {
    const v = r.entries[0]!.version!;
    v.text = "Forged.";
    v.hash = versionHash({ ...v, createdAt: new Date(v.createdAt) });
    r.entries[0]!.chainHead!.hash = v.hash;
  }, { entry: 0, proposal: "Public-health exchange", reason: "vote-mismatch" }, "the vote's version hash"],
  ["the vote totals", (r) => (r.entries[0]!.vote!.totals!.no = 0), { entry: 0, proposal: "Public-health exchange", reason: "vote-mismatch" }, "do not add up"],
  ["the vote totals, consistently with their cast count", (r) => {
    const t = r.entries[0]!.vote!.totals!;
    t.yes = 3;
    t.cast = 4;
  }, { entry: 0, proposal: "Public-health exchange", reason: "vote-mismatch" }, "do not match the totals"],
  ["a delegation's open-ballot choice", (r) => (r.entries[0]!.vote!.ballots[2]!.choice = "YES"), { entry: 0, proposal: "Public-health exchange", reason: "vote-mismatch" }, "ballots listed (Yes 3 · No 0"],
  ["the outcome", (r) => (r.entries[0]!.vote!.outcome = "NOT_ADOPTED"), { entry: 0, proposal: "Public-health exchange", reason: "vote-mismatch" }, "outcome"],
  ["the version the vote names", (r) => (r.entries[0]!.vote!.versionNumber = 2), { entry: 0, proposal: "Public-health exchange", reason: "vote-mismatch" }, "not on the adopted version 3"],
  ["choices added to a secret ballot", (r) => r.entries[2]!.vote!.ballots.push({ delegation: { code: "CHN", name: "China" }, choice: "NO" }), { entry: 2, proposal: "Urban diplomacy", reason: "vote-mismatch" }, "secret ballot"],
  ["the chain head (older than the version)", (r) => (r.entries[1]!.chainHead!.number = 4), { entry: 1, proposal: "SME financing", reason: "version-hash" }, "chain head (version 4) is older"],
  ["a proposal's title", (r) => (r.entries[1]!.proposal.title = "SME financing (amended)"), { entry: 1, proposal: "SME financing (amended)", reason: "entry-hash" }, "does not match its hash"],
  ["a proposal's state", (r) => (r.entries[3]!.proposal.state = "WITHDRAWN"), { entry: 3, proposal: "Industrial-chain security", reason: "entry-hash" }, "Entry 4"],
  ["the chain head (a newer number)", (r) => (r.entries[2]!.chainHead!.number = 9), { entry: 2, proposal: "Urban diplomacy", reason: "entry-hash" }, "Entry 3"],
  ["an entry's hash", (r) => (r.entries[2]!.entryHash = sha256Hex("x")), { entry: 2, proposal: "Urban diplomacy", reason: "entry-hash" }, "Entry 3"],
  ["the workshop's title", (r) => (r.workshop.title = "Another workshop"), { entry: null, proposal: null, reason: "header-hash" }, "header"],
  ["the time it was made", (r) => (r.generatedAt = "2027-01-01T00:00:00.000Z"), { entry: null, proposal: null, reason: "header-hash" }, "header"],
  ["the order of two entries", (r) => r.entries.splice(1, 2, r.entries[2]!, r.entries[1]!), { entry: 1, proposal: "Urban diplomacy", reason: "entry-hash" }, "Entry 2"],
  ["a removed middle entry", (r) => r.entries.splice(1, 1), { entry: 1, proposal: "Urban diplomacy", reason: "entry-hash" }, "removed"],
  ["a removed first entry", (r) => r.entries.splice(0, 1), { entry: 0, proposal: "SME financing", reason: "entry-hash" }, "Entry 1"],
  ["a removed last entry", (r) => r.entries.pop(), { entry: null, proposal: null, reason: "record-hash" }, "record hash"],
  ["the record hash", (r) => (r.recordHash = sha256Hex("y")), { entry: null, proposal: null, reason: "record-hash" }, "record hash"],
];

describe("a tampered record is reported at the first entry that does not match", () => {
  it.each(tampered)("%s", (_what, tamper, expected, phrase) => {
    const r = clone(record());
    tamper(r);
    const report = verifyRecord(asFile(r));
    expect(report).toMatchObject({ intact: false, ...expected });
    expect((report as { message: string }).message).toContain(phrase);
  });

  it("names the first of two tampered entries", () => {
    const r = clone(record());
    r.entries[2]!.version!.text = "x";
    r.entries[1]!.proposal.title = "y";
    expect(verifyRecord(asFile(r))).toMatchObject({ intact: false, entry: 1, reason: "entry-hash" });
  });
});

const malformed: Array<[string, unknown, string]> = [
  ["null", null, "record: expected an object"],
  ["a string", "accord", "record: expected an object"],
  ["a list", [], "record: expected an object"],
  ["another format", { ...record(), format: "accord-outcome-record/2" }, "record.format"],
  ["no entries", { ...record(), entries: undefined }, "record.entries: expected a list"],
  ["a missing recordHash", { ...record(), recordHash: undefined }, "record.recordHash"],
  ["an entry that is not an object", { ...record(), entries: [1] }, "record.entries[0]: expected an object"],
  ["a bad proposal state", (() => { const r = clone(record()); (r.entries[1]!.proposal as { state: string }).state = "DONE"; return r; })(), "record.entries[1].proposal.state: expected one of DRAFTING"],
  ["a negative version number", (() => { const r = clone(record()); r.entries[0]!.version!.number = -1; return r; })(), "record.entries[0].version.number"],
  ["a non-hex hash", (() => { const r = clone(record()); r.entries[0]!.version!.hash = "not a hash"; return r; })(), "record.entries[0].version.hash"],
  ["an unreadable time", (() => { const r = clone(record()); r.entries[0]!.vote!.openedAt = "yesterday"; return r; })(), "record.entries[0].vote.openedAt"],
  ["totals without yes", (() => { const r = clone(record()); delete (r.entries[0]!.vote!.totals as Record<string, unknown>).yes; return r; })(), "record.entries[0].vote.totals.yes"],
  ["a nested object in the totals", (() => { const r = clone(record()); (r.entries[0]!.vote!.totals as Record<string, unknown>).extra = { a: 1 }; return r; })(), "totals.extra"],
  ["ballots that are not a list", (() => { const r = clone(record()); (r.entries[0]!.vote as { ballots: unknown }).ballots = {}; return r; })(), "record.entries[0].vote.ballots: expected a list"],
];

describe("a malformed file is a report, never a throw", () => {
  it.each(malformed)("%s", (_what, input, phrase) => {
    const report = verifyRecord(input);
    expect(report).toMatchObject({ intact: false, reason: "malformed" });
    expect((report as { message: string }).message).toContain(phrase);
  });

  it("reports absurd totals instead of counting them out", () => {
    const r = clone(record());
    const t = r.entries[0]!.vote!.totals!;
    t.yes = 2 ** 40;
    t.cast = t.yes + t.no + t.abstain;
    expect(verifyRecord(asFile(r))).toMatchObject({ intact: false, entry: 0, reason: "vote-mismatch" });
  });
});
