// The workshop's outcome record (lib/domain/outcome-record.ts): every proposal in agenda order
// with its final state, the version it ended on, the round that decided it and its chain head,
// sealed so that anyone holding the file can verify it.
//
// Reads per proposal with bounded queries: the newest version's number and hash, the deciding
// (or last) round, and the text of exactly one version — never the whole history's texts. The
// hash covers Version.text, the plain text stored with each version; nothing here reads Yjs.
import type { Db } from "../../../lib/db.ts";
import { sealOutcomeRecord, type OutcomeBallot, type OutcomeEntry, type OutcomeRecord, type OutcomeTotals, type OutcomeVersion, type OutcomeVote } from "../../../lib/domain/outcome-record.ts";
import { voteOutcome } from "../../../lib/domain/vote-outcome.ts";
import type { ProposalState } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { chainSelect } from "../history/verify-history.ts";
import { textOf } from "../history/version-store.ts";

export type OutcomeWorkshop = { id: string; title: string; timeZone: string };

/**
 * outcome.view, plus the one rule the access table cannot hold: observers may read the record
 * only when the chair has allowed it for this workshop (Workshop.outcomeForObservers). The table
 * is per role, not per workshop setting, so it lets observers through and this refuses them.
 */
export async function authorizeOutcomeView(db: Db, userId: string | null, workshopId: string): Promise<OutcomeWorkshop> {
  const { membership } = await authorize({ db, userId, action: "outcome.view", workshopId });
  const workshop = await db.workshop.findUnique({ where: { id: workshopId }, select: { id: true, title: true, timeZone: true, outcomeForObservers: true } });
  if (!workshop) throw new AppError("NOT_FOUND");
  if (membership.role === "OBSERVER" && !workshop.outcomeForObservers) {
    throw new AppError("FORBIDDEN", "The chair has not made the outcome record available to observers.");
  }
  return { id: workshop.id, title: workshop.title, timeZone: workshop.timeZone };
}


const roundSelect = {
  id: true,
  question: true,
  rule: true,
  quorum: true,
  isOpenBallot: true,
  status: true,
  openedAt: true,
  closedAt: true,
  result: true,
  version: { select: { number: true, hash: true } },
} as const;

export async function buildOutcomeRecord(opts: { db: Db; userId: string | null; workshopId: string; now?: Date }): Promise<OutcomeRecord> {
  const { db } = opts;
  const workshop = await authorizeOutcomeView(db, opts.userId, opts.workshopId);
  const proposals = await db.proposal.findMany({
    where: { workshopId: workshop.id },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    select: { id: true, title: true, position: true, state: true },
  });
  const entries: Array<Omit<OutcomeEntry, "entryHash">> = [];
  for (const p of proposals) entries.push(await entryOf(db, p));
  return sealOutcomeRecord({ workshop, generatedAt: (opts.now ?? new Date()).toISOString(), entries });
}

async function entryOf(db: Db, p: { id: string; title: string; position: number; state: ProposalState }): Promise<Omit<OutcomeEntry, "entryHash">> {
  const head = await db.version.findFirst({ where: { proposalId: p.id }, orderBy: { number: "desc" }, select: { number: true, hash: true } });
  // Adopted: the round that adopted it (adoption is final, so the newest closed one). Otherwise
  // the newest round of any status: open, cancelled, or closed without adopting.
  const round = await db.voteRound.findFirst({
    where: p.state === "ADOPTED" ? { proposalId: p.id, status: "CLOSED" } : { proposalId: p.id },
    orderBy: [{ openedAt: "desc" }, { id: "desc" }],
    select: roundSelect,
  });
  // The one text this entry carries: the version voted on when adopted, else the newest.
  const number = p.state === "ADOPTED" && round ? round.version.number : head?.number;
  const row = number === undefined ? null : await db.version.findUnique({ where: { proposalId_number: { proposalId: p.id, number } }, select: chainSelect });
  let version: OutcomeVersion | null = null;
  if (row) {
    // The text in full, however the row stores it (version-store.ts); how it is stored is not part of the record.
    const { textDelta: _stored, ...fields } = row;
    version = { ...fields, text: await textOf(db, p.id, row), contributors: parseContributors(row.contributors), createdAt: row.createdAt.toISOString() };
  }
  return {
    proposal: { id: p.id, title: p.title, position: p.position, state: p.state },
    version,
    vote: round ? await voteOf(db, round) : null,
    chainHead: head ? { number: head.number, hash: head.hash } : null,
  };
}

type RoundRow = {
  id: string;
  question: string;
  rule: OutcomeVote["rule"];
  quorum: number;
  isOpenBallot: boolean;
  status: OutcomeVote["status"];
  openedAt: Date;
  closedAt: Date | null;
  result: string | null;
  version: { number: number; hash: string };
};

async function voteOf(db: Db, r: RoundRow): Promise<OutcomeVote> {
  const totals = r.result ? parseTotals(r.result) : null;
  // A secret round's choices are never read, let alone written into the record.
  const ballots: OutcomeBallot[] = r.isOpenBallot
    ? (
        await db.ballot.findMany({
          where: { roundId: r.id },
          select: { choice: true, delegation: { select: { code: true, name: true } } },
        })
      )
        .map((b) => ({ delegation: { code: b.delegation.code, name: b.delegation.name }, choice: b.choice }))
        .sort((a, b) => (a.delegation.code < b.delegation.code ? -1 : a.delegation.code > b.delegation.code ? 1 : 0))
    : [];
  return {
    question: r.question,
    rule: r.rule,
    quorum: r.quorum,
    isOpenBallot: r.isOpenBallot,
    status: r.status,
    openedAt: r.openedAt.toISOString(),
    closedAt: r.closedAt?.toISOString() ?? null,
    versionNumber: r.version.number,
    versionHash: r.version.hash,
    totals,
    outcome: voteOutcome(r.status, totals ? { ...totals, isAdopted: totals.isAdopted === true } : null),
    ballots,
  };
}

/** The stored tally (lib/domain/tally.ts Tally, written by closeVoteRound): its scalar fields as stored. */
function parseTotals(result: string): OutcomeTotals {
  const parsed = JSON.parse(result) as Record<string, unknown>;
  const out: Record<string, string | number | boolean | null> = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") out[k] = v;
  }
  return { ...out, yes: Number(parsed.yes ?? 0), no: Number(parsed.no ?? 0), abstain: Number(parsed.abstain ?? 0) };
}

function parseContributors(json: string): string[] {
  const parsed = JSON.parse(json) as unknown;
  return Array.isArray(parsed) ? parsed.map(String) : [];
}
