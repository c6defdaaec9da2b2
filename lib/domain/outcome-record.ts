// A workshop's outcome record: every proposal in agenda order with its final state, the exact
// version it ended on (for an adopted one: the version voted on), the vote round that decided it
// and the proposal's chain head — each entry sealed with a hash that covers the entry and the
// entry before it, so anyone holding the file can check it (`verifyRecord`) without Accord, and
// a member can check it against this instance's history (server/services/outcomes).
//
// Pure: no clock, no database. The shape is checked by hand (lib/domain imports nothing but
// itself and hashing; see .dependency-cruiser.cjs), strictly enough that a malformed file is a
// report, never a throw.
import { sha256Hex, versionHash } from "./version-chain.ts";
import { tally } from "./tally.ts";
import { voteOutcome, type VoteOutcome } from "./vote-outcome.ts";
import {
  BALLOT_CHOICES,
  PROPOSAL_STATES,
  VERSION_KINDS,
  VOTE_RULES,
  VOTE_STATUSES,
  type BallotChoice,
  type ProposalState,
  type VersionKind,
  type VoteRule,
  type VoteStatus,
} from "./vocabulary.ts";

export const OUTCOME_RECORD_FORMAT = "accord-outcome-record/1";
/** The largest record file the CLI and the verify route read (50 MB: far above any real record). */
export const OUTCOME_RECORD_MAX_BYTES = 50 * 1024 * 1024;
/** Ballots a round's totals may count (one per delegation; far above any workshop). */
const MAX_BALLOTS = 100_000;
const VOTE_OUTCOMES = ["VOTING", "CANCELLED", "ADOPTED", "NOT_ADOPTED"] as const satisfies readonly VoteOutcome[];

/** A version as the hash chain has it (lib/domain/version-chain.ts ChainedVersion), in JSON. */
export type OutcomeVersion = {
  proposalId: string;
  number: number;
  kind: VersionKind;
  label: string | null;
  /** The plain text the hash covers (one block per line). */
  text: string;
  contributors: string[];
  authorId: string | null;
  /** ISO 8601, as `Date.toISOString()` writes it (the hash covers exactly this string). */
  createdAt: string;
  stateSha256: string;
  prevHash: string | null;
  hash: string;
};

/** The stored tally (lib/domain/tally.ts Tally) as it was recorded: yes/no/abstain at least. */
export type OutcomeTotals = { yes: number; no: number; abstain: number; [field: string]: string | number | boolean | null };

export type OutcomeBallot = { delegation: { code: string; name: string }; choice: BallotChoice };

export type OutcomeVote = {
  question: string;
  rule: VoteRule;
  quorum: number;
  isOpenBallot: boolean;
  status: VoteStatus;
  openedAt: string;
  closedAt: string | null;
  /** The version put to the vote. */
  versionNumber: number;
  versionHash: string;
  /** Null while the round is open or when it was cancelled (nothing was counted). */
  totals: OutcomeTotals | null;
  outcome: VoteOutcome;
  /** Each delegation's choice, by delegation code, for open ballots; always [] for secret ones. */
  ballots: OutcomeBallot[];
};

export type OutcomeEntry = {
  proposal: { id: string; title: string; position: number; state: ProposalState };
  /** ADOPTED: the version adopted (voted on); otherwise the newest version. Null: no version yet. */
  version: OutcomeVersion | null;
  /** ADOPTED: the round that adopted it; otherwise the last round, if any. */
  vote: OutcomeVote | null;
  /** The proposal's newest version when the record was made. */
  chainHead: { number: number; hash: string } | null;
  entryHash: string;
};

export type OutcomeRecord = {
  format: typeof OUTCOME_RECORD_FORMAT;
  workshop: { id: string; title: string; timeZone: string };
  generatedAt: string;
  /** SHA-256 over the format, workshop and generatedAt: the first entry's predecessor. */
  headerHash: string;
  entries: OutcomeEntry[];
  /** The last entry's hash (the header hash when there are no entries). */
  recordHash: string;
};

export type BreakReason = "version-hash" | "vote-mismatch" | "entry-hash" | "record-hash" | "header-hash";

export type VerifyReport =
  | { intact: true; entries: number; recordHash: string }
  | { intact: false; reason: "malformed"; message: string }
  | {
      intact: false;
      /** 0-based index of the first entry that does not match; null for the header or the record hash. */
      entry: number | null;
      /** That entry's proposal title (null with entry null). */
      proposal: string | null;
      reason: BreakReason;
      /** "Entry 3 (“Title”): the adopted text does not match its version hash" (entries counted from 1). */
      message: string;
    };

// ---- Hashes ----------------------------------------------------------------------------------

/** SHA-256 over a fixed-order JSON array of the header: no key-order or whitespace ambiguity. */
export function recordHeaderHash(r: Pick<OutcomeRecord, "format" | "workshop" | "generatedAt">): string {
  return sha256Hex(JSON.stringify([r.format, r.workshop.id, r.workshop.title, r.workshop.timeZone, r.generatedAt]));
}

/**
 * SHA-256 over a fixed-order JSON array of the entry's fields and the previous entry's hash (the
 * header hash for the first). The version enters by its proposal, number and hash: that hash
 * covers its text and metadata and is recomputed before any entry hash is trusted.
 */
export function outcomeEntryHash(e: Omit<OutcomeEntry, "entryHash">, prevHash: string): string {
  const { proposal: p, version: v, vote, chainHead } = e;
  return sha256Hex(
    JSON.stringify([
      "accord-outcome-entry/1",
      prevHash,
      p.id,
      p.title,
      p.position,
      p.state,
      v ? [v.proposalId, v.number, v.hash] : null,
      vote
        ? [
            vote.question,
            vote.rule,
            vote.quorum,
            vote.isOpenBallot,
            vote.status,
            vote.openedAt,
            vote.closedAt,
            vote.versionNumber,
            vote.versionHash,
            vote.totals ? Object.keys(vote.totals).sort().map((k) => [k, vote.totals![k]]) : null,
            vote.outcome,
            vote.ballots.map((b) => [b.delegation.code, b.delegation.name, b.choice]),
          ]
        : null,
      chainHead ? [chainHead.number, chainHead.hash] : null,
    ]),
  );
}

/** Seals entries in the given (agenda) order: header hash, each entry's hash, the record hash. */
export function sealOutcomeRecord(input: {
  workshop: OutcomeRecord["workshop"];
  generatedAt: string;
  entries: ReadonlyArray<Omit<OutcomeEntry, "entryHash">>;
}): OutcomeRecord {
  const head = { format: OUTCOME_RECORD_FORMAT, workshop: input.workshop, generatedAt: input.generatedAt } as const;
  const headerHash = recordHeaderHash(head);
  let prev = headerHash;
  const entries = input.entries.map((e) => {
    prev = outcomeEntryHash(e, prev);
    return { ...e, entryHash: prev };
  });
  return { ...head, headerHash, entries, recordHash: prev };
}

// ---- The shape, checked by hand --------------------------------------------------------------

class Malformed extends Error {}
type Check<T> = (v: unknown, at: string) => T;

const fail = (at: string, what: string): never => {
  throw new Malformed(`${at}: expected ${what}`);
};
const str: Check<string> = (v, at) => (typeof v === "string" ? v : fail(at, "a string"));
const hex64: Check<string> = (v, at) => (typeof v === "string" && /^[0-9a-f]{64}$/.test(v) ? v : fail(at, "a SHA-256 (64 lowercase hex digits)"));
const count: Check<number> = (v, at) => (typeof v === "number" && Number.isSafeInteger(v) && v >= 0 ? v : fail(at, "a whole number ≥ 0"));
const bool: Check<boolean> = (v, at) => (typeof v === "boolean" ? v : fail(at, "true or false"));
const isoTime: Check<string> = (v, at) => (typeof v === "string" && !Number.isNaN(Date.parse(v)) ? v : fail(at, "an ISO 8601 time"));
const oneOf =
  <T extends string>(values: readonly T[]): Check<T> =>
  (v, at) =>
    (values as readonly unknown[]).includes(v) ? (v as T) : fail(at, `one of ${values.join(", ")}`);
const nullable =
  <T>(check: Check<T>): Check<T | null> =>
  (v, at) =>
    v === null ? null : check(v, at);
const list =
  <T>(check: Check<T>): Check<T[]> =>
  (v, at) =>
    Array.isArray(v) ? v.map((x, i) => check(x, `${at}[${i}]`)) : fail(at, "a list");
function object(v: unknown, at: string): Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : fail(at, "an object");
}

const version: Check<OutcomeVersion> = (v, at) => {
  const o = object(v, at);
  return {
    proposalId: str(o.proposalId, `${at}.proposalId`),
    number: count(o.number, `${at}.number`),
    kind: oneOf(VERSION_KINDS)(o.kind, `${at}.kind`),
    label: nullable(str)(o.label, `${at}.label`),
    text: str(o.text, `${at}.text`),
    contributors: list(str)(o.contributors, `${at}.contributors`),
    authorId: nullable(str)(o.authorId, `${at}.authorId`),
    createdAt: isoTime(o.createdAt, `${at}.createdAt`),
    stateSha256: str(o.stateSha256, `${at}.stateSha256`),
    prevHash: nullable(str)(o.prevHash, `${at}.prevHash`),
    hash: hex64(o.hash, `${at}.hash`),
  };
};

const totals: Check<OutcomeTotals> = (v, at) => {
  const o = object(v, at);
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, x] of Object.entries(o)) {
    if (x !== null && typeof x !== "string" && typeof x !== "number" && typeof x !== "boolean") fail(`${at}.${k}`, "a string, number, true/false or null");
    out[k] = x as string | number | boolean | null;
  }
  return { ...out, yes: count(o.yes, `${at}.yes`), no: count(o.no, `${at}.no`), abstain: count(o.abstain, `${at}.abstain`) };
};

const ballot: Check<OutcomeBallot> = (v, at) => {
  const o = object(v, at);
  const d = object(o.delegation, `${at}.delegation`);
  return { delegation: { code: str(d.code, `${at}.delegation.code`), name: str(d.name, `${at}.delegation.name`) }, choice: oneOf(BALLOT_CHOICES)(o.choice, `${at}.choice`) };
};

const vote: Check<OutcomeVote> = (v, at) => {
  const o = object(v, at);
  return {
    question: str(o.question, `${at}.question`),
    rule: oneOf(VOTE_RULES)(o.rule, `${at}.rule`),
    quorum: count(o.quorum, `${at}.quorum`),
    isOpenBallot: bool(o.isOpenBallot, `${at}.isOpenBallot`),
    status: oneOf(VOTE_STATUSES)(o.status, `${at}.status`),
    openedAt: isoTime(o.openedAt, `${at}.openedAt`),
    closedAt: nullable(isoTime)(o.closedAt, `${at}.closedAt`),
    versionNumber: count(o.versionNumber, `${at}.versionNumber`),
    versionHash: hex64(o.versionHash, `${at}.versionHash`),
    totals: nullable(totals)(o.totals, `${at}.totals`),
    outcome: oneOf(VOTE_OUTCOMES)(o.outcome, `${at}.outcome`),
    ballots: list(ballot)(o.ballots, `${at}.ballots`),
  };
};

const chainHead: Check<{ number: number; hash: string }> = (v, at) => {
  const o = object(v, at);
  return { number: count(o.number, `${at}.number`), hash: hex64(o.hash, `${at}.hash`) };
};

const entry: Check<OutcomeEntry> = (v, at) => {
  const o = object(v, at);
  const p = object(o.proposal, `${at}.proposal`);
  return {
    proposal: {
      id: str(p.id, `${at}.proposal.id`),
      title: str(p.title, `${at}.proposal.title`),
      position: count(p.position, `${at}.proposal.position`),
      state: oneOf(PROPOSAL_STATES)(p.state, `${at}.proposal.state`),
    },
    version: nullable(version)(o.version, `${at}.version`),
    vote: nullable(vote)(o.vote, `${at}.vote`),
    chainHead: nullable(chainHead)(o.chainHead, `${at}.chainHead`),
    entryHash: hex64(o.entryHash, `${at}.entryHash`),
  };
};

/** The record with every field checked (unknown fields dropped), or Malformed. */
function parseRecord(v: unknown): OutcomeRecord {
  const o = object(v, "record");
  if (o.format !== OUTCOME_RECORD_FORMAT) fail("record.format", `"${OUTCOME_RECORD_FORMAT}"`);
  const w = object(o.workshop, "record.workshop");
  return {
    format: OUTCOME_RECORD_FORMAT,
    workshop: { id: str(w.id, "record.workshop.id"), title: str(w.title, "record.workshop.title"), timeZone: str(w.timeZone, "record.workshop.timeZone") },
    generatedAt: isoTime(o.generatedAt, "record.generatedAt"),
    headerHash: hex64(o.headerHash, "record.headerHash"),
    entries: list(entry)(o.entries, "record.entries"),
    recordHash: hex64(o.recordHash, "record.recordHash"),
  };
}

// ---- Verification ----------------------------------------------------------------------------

/** "Entry 3 (“Title”): …" — entries counted from 1 for people; the report's `entry` is 0-based. */
export function entryLabel(index: number, title: string): string {
  return `Entry ${index + 1} (“${title}”)`;
}

function versionProblem(e: OutcomeEntry): string | null {
  const v = e.version;
  if (!v) return e.chainHead ? `it lists version ${e.chainHead.number} as the chain head but no version` : null;
  if (v.proposalId !== e.proposal.id) return `its version ${v.number} belongs to another proposal`;
  const recomputed = versionHash({ ...v, createdAt: new Date(v.createdAt) });
  if (recomputed !== v.hash) {
    return e.proposal.state === "ADOPTED" ? "the adopted text does not match its version hash" : `the text of version ${v.number} does not match its version hash`;
  }
  if (!e.chainHead) return `version ${v.number} is listed without a chain head`;
  if (e.chainHead.number < v.number) return `its chain head (version ${e.chainHead.number}) is older than the version it lists (version ${v.number})`;
  if (e.chainHead.number === v.number && e.chainHead.hash !== v.hash) return `its chain head is version ${v.number} but with another hash`;
  return null;
}

function voteProblem(e: OutcomeEntry): string | null {
  const { vote: r, version: v } = e;
  const isAdopted = e.proposal.state === "ADOPTED";
  if (!r) return null;
  if (!v) return `the vote names version ${r.versionNumber} but the entry lists no version`;
  if (isAdopted || r.versionNumber === v.number) {
    if (r.versionNumber !== v.number) return `the vote was on version ${r.versionNumber}, not on the adopted version ${v.number}`;
    if (r.versionHash !== v.hash) return `the vote's version hash is not that of version ${v.number}`;
  } else if (r.versionNumber > v.number) {
    return `the vote names version ${r.versionNumber}, newer than the newest version listed (${v.number})`;
  }
  const t = r.totals;
  if (t) {
    if (r.status !== "CLOSED") return "a round that was not closed lists totals";
    if (typeof t.cast === "number" && t.cast !== t.yes + t.no + t.abstain) return `the totals do not add up (Yes ${t.yes} + No ${t.no} + Abstain ${t.abstain} ≠ ${t.cast} cast)`;
    if (t.rule !== undefined && t.rule !== r.rule) return "the totals were counted under another rule";
    if (t.quorum !== undefined && t.quorum !== r.quorum) return "the totals were counted with another quorum";
    // One ballot per delegation: a count beyond any workshop's size is not a real tally (and is not expanded).
    if (t.yes + t.no + t.abstain > MAX_BALLOTS) return `the totals count ${t.yes + t.no + t.abstain} ballots, more than any round holds`;
    const choices: BallotChoice[] = [...Array<BallotChoice>(t.yes).fill("YES"), ...Array<BallotChoice>(t.no).fill("NO"), ...Array<BallotChoice>(t.abstain).fill("ABSTAIN")];
    if (typeof t.isAdopted === "boolean" && tally(r.rule, r.quorum, choices).isAdopted !== t.isAdopted) {
      return `the totals (Yes ${t.yes} · No ${t.no} · Abstain ${t.abstain}) do not give the recorded result under the rule`;
    }
  }
  if (!r.isOpenBallot && r.ballots.length > 0) return "a secret ballot lists delegations' choices";
  if (r.isOpenBallot && t) {
    const n = (c: BallotChoice) => r.ballots.filter((b) => b.choice === c).length;
    if (n("YES") !== t.yes || n("NO") !== t.no || n("ABSTAIN") !== t.abstain) {
      return `the ballots listed (Yes ${n("YES")} · No ${n("NO")} · Abstain ${n("ABSTAIN")}) do not match the totals (Yes ${t.yes} · No ${t.no} · Abstain ${t.abstain})`;
    }
  }
  const expected = voteOutcome(r.status, t ? { yes: t.yes, no: t.no, abstain: t.abstain, isAdopted: t.isAdopted === true } : null);
  if (r.outcome !== expected) return `the vote's outcome (${r.outcome}) is not what its status and totals give (${expected})`;
  if (isAdopted !== (r.outcome === "ADOPTED")) return isAdopted ? "the proposal is adopted but its vote did not adopt it" : "the vote adopted the proposal but the entry does not say so";
  return null;
}

/**
 * Checks a record as read from a file: its shape, then entry by entry in order — the version's
 * hash recomputed from its text and metadata, the vote consistent with that version and its own
 * totals, the chain head not older than the version, the entry's hash — and the record hash.
 * Reports the first thing that does not match. Never throws on any input.
 */
export function verifyRecord(input: unknown): VerifyReport {
  let record: OutcomeRecord;
  try {
    record = parseRecord(input);
  } catch (e) {
    if (e instanceof Malformed) return { intact: false, reason: "malformed", message: `Not an outcome record: ${e.message}.` };
    throw e;
  }
  if (recordHeaderHash(record) !== record.headerHash) {
    return { intact: false, entry: null, proposal: null, reason: "header-hash", message: `The record's header (workshop “${record.workshop.title}”, made ${record.generatedAt}) does not match its hash` };
  }
  let prev = record.headerHash;
  for (const [i, e] of record.entries.entries()) {
    const broken = (reason: BreakReason, detail: string): VerifyReport => ({ intact: false, entry: i, proposal: e.proposal.title, reason, message: `${entryLabel(i, e.proposal.title)}: ${detail}` });
    const versionIssue = versionProblem(e);
    if (versionIssue) return broken("version-hash", versionIssue);
    const voteIssue = voteProblem(e);
    if (voteIssue) return broken("vote-mismatch", voteIssue);
    if (outcomeEntryHash(e, prev) !== e.entryHash) {
      return broken("entry-hash", i === 0 ? "the entry does not match its hash (it was changed, or entries were reordered)" : "the entry does not match its hash (it was changed, or an entry before it was removed or moved)");
    }
    prev = e.entryHash;
  }
  if (record.recordHash !== prev) {
    return { intact: false, entry: null, proposal: null, reason: "record-hash", message: "The record hash is not that of the last entry (an entry was removed from the end, or the hash was changed)" };
  }
  return { intact: true, entries: record.entries.length, recordHash: record.recordHash };
}
