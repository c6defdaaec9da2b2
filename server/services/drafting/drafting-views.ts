// Statuses, brackets and readings as the protocol sends them (ClauseView, BracketView,
// ReadingView): one shape for the join answer, the live events, the acknowledgements and the
// tests. Every member of the workshop sees all of them.
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import type { Db, Tx } from "../../../lib/db.ts";
import { asBytes } from "../../../lib/bytes.ts";
import { FORMER_MEMBER_NAME } from "../../../lib/domain/people.ts";
import { MAX_OPEN_BRACKETS, readingChanges } from "../../../lib/domain/drafting.ts";
import type { BracketView, ClauseView, DelegationTag, DraftingView, ReadingView } from "../../../lib/protocol.ts";

type Reader = Db | Tx;

/**
 * Resolved brackets (withdrawn, lifted, agreed) a tab is sent on opening the text: the most
 * recent ones. With MAX_OPEN_BRACKETS open ones the join answer stays bounded however long the
 * negotiation runs; the full record stays in the audit log.
 */
export const MAX_RESOLVED_BRACKETS_SENT = 200;

async function namesOf(db: Reader, userIds: Iterable<string>): Promise<Map<string, string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Map();
  // In chunks: a long negotiation's authors may pass one statement's bound parameters (lib/db-chunks.ts).
  const users = await findManyInChunks(ids, (chunk) => db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }));
  return new Map(users.map((u) => [u.id, u.name]));
}

async function tagsOf(db: Reader, delegationIds: Iterable<string | null>): Promise<Map<string, DelegationTag>> {
  const ids = [...new Set([...delegationIds].filter((d): d is string => d !== null))];
  if (ids.length === 0) return new Map();
  const rows = await findManyInChunks(ids, (chunk) => db.delegation.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true, code: true, colour: true } }));
  return new Map(rows.map((d) => [d.id, d]));
}

const person = (names: Map<string, string>, id: string) => ({ id, name: names.get(id) ?? FORMER_MEMBER_NAME });

// ---- Paragraph statuses ----------------------------------------------------------------------

const CLAUSE_SELECT = {
  clauseKey: true,
  status: true,
  setById: true,
  updatedAt: true,
  capitals: { select: { delegationId: true, confirmedAt: true }, orderBy: { id: "asc" } },
} as const;

type ClauseRow = Awaited<ReturnType<typeof clauseRows>>[number];

function clauseRows(db: Reader, where: { proposalId: string; clauseKey?: { in: string[] }; status?: { not: "OPEN" } }) {
  return db.clauseState.findMany({ where, select: CLAUSE_SELECT, orderBy: { updatedAt: "asc" } });
}

async function toClauseViews(db: Reader, rows: ClauseRow[]): Promise<ClauseView[]> {
  const names = await namesOf(
    db,
    rows.flatMap((r) => (r.setById ? [r.setById] : [])),
  );
  // The margin says whose capitals are awaited by code ("awaiting ASEAN"), without a lookup of its own.
  const awaitedIds = [...new Set(rows.flatMap((r) => r.capitals.map((c) => c.delegationId)))];
  const codes = new Map(
    (await findManyInChunks(awaitedIds, (chunk) => db.delegation.findMany({ where: { id: { in: chunk } }, select: { id: true, code: true } }))).map((d) => [d.id, d.code]),
  );
  return rows.map((r) => ({
    key: r.clauseKey,
    status: r.status,
    awaiting: r.capitals.map((c) => ({ delegationId: c.delegationId, code: codes.get(c.delegationId) ?? "?", confirmedAt: c.confirmedAt?.toISOString() ?? null })),
    setBy: r.setById ? person(names, r.setById) : null,
    updatedAt: r.updatedAt.toISOString(),
  }));
}

/** The given paragraphs' statuses; a key with no row is Open again (set by `openedBy`, at `now`). */
export async function clauseViews(db: Reader, proposalId: string, keys: string[], opened?: { by: string; at: Date }): Promise<ClauseView[]> {
  if (keys.length === 0) return [];
  const views = await toClauseViews(db, await clauseRows(db, { proposalId, clauseKey: { in: keys } }));
  const known = new Set(views.map((v) => v.key));
  const missing = keys.filter((k) => !known.has(k));
  if (missing.length > 0 && opened) {
    const names = await namesOf(db, [opened.by]);
    for (const key of missing) views.push({ key, status: "OPEN", awaiting: [], setBy: person(names, opened.by), updatedAt: opened.at.toISOString() });
  }
  return views;
}

// ---- Brackets --------------------------------------------------------------------------------

const BRACKET_INCLUDE = {
  holders: { select: { delegationId: true, createdAt: true }, orderBy: { createdAt: "asc" } },
  options: {
    select: { id: true, text: true, delegationId: true, authorId: true, createdAt: true, supports: { select: { delegationId: true }, orderBy: { createdAt: "asc" } } },
    orderBy: { createdAt: "asc" },
  },
} as const;

type BracketRow = Awaited<ReturnType<typeof bracketRows>>[number];

function bracketRows(db: Reader, where: { proposalId: string; id?: { in: string[] } }) {
  return db.bracket.findMany({ where, include: BRACKET_INCLUDE, orderBy: { createdAt: "asc" } });
}

async function toBracketViews(db: Reader, rows: BracketRow[]): Promise<BracketView[]> {
  if (rows.length === 0) return [];
  const [tags, names] = await Promise.all([
    tagsOf(
      db,
      rows.flatMap((r) => [r.delegationId, ...r.options.map((o) => o.delegationId)]),
    ),
    namesOf(
      db,
      rows.flatMap((r) => [r.placedById, ...(r.resolvedById ? [r.resolvedById] : []), ...r.options.map((o) => o.authorId)]),
    ),
  ]);
  const tag = (id: string | null) => (id ? (tags.get(id) ?? null) : null);
  return rows.map((r) => ({
    id: r.id,
    clauseKey: r.clauseKey,
    from: asBytes(r.anchorFrom),
    to: asBytes(r.anchorTo),
    passage: r.passage,
    reason: r.reason,
    status: r.status,
    delegation: tag(r.delegationId),
    placedBy: person(names, r.placedById),
    // The placing delegation first (its colour marks the brackets), then in the order they joined.
    holders: [...r.holders].sort((a, b) => Number(b.delegationId === r.delegationId) - Number(a.delegationId === r.delegationId)).map((h) => h.delegationId),
    options: r.options.map((o) => ({
      id: o.id,
      text: o.text,
      delegation: tag(o.delegationId),
      author: person(names, o.authorId),
      supporters: o.supports.map((s) => s.delegationId),
      createdAt: o.createdAt.toISOString(),
    })),
    createdAt: r.createdAt.toISOString(),
    resolvedAt: r.resolvedAt?.toISOString() ?? null,
    resolvedBy: r.resolvedById ? person(names, r.resolvedById) : null,
    agreedOptionId: r.agreedOptionId,
  }));
}

/** The given brackets of a proposal (those a change touched), for the live event and the answer. */
export async function bracketViews(db: Reader, proposalId: string, ids: string[]): Promise<BracketView[]> {
  if (ids.length === 0) return [];
  return toBracketViews(db, await bracketRows(db, { proposalId, id: { in: ids } }));
}

// ---- Readings --------------------------------------------------------------------------------

type ReadingRow = { id: string; currentKey: string | null; startedAt: Date; endedAt: Date | null; summary: string | null };

export function readingView(r: ReadingRow): ReadingView {
  return {
    id: r.id,
    active: r.endedAt === null,
    currentKey: r.currentKey,
    startedAt: r.startedAt.toISOString(),
    endedAt: r.endedAt?.toISOString() ?? null,
    changes: r.summary ? (JSON.parse(r.summary) as ReturnType<typeof readingChanges>) : [],
  };
}

/** The reading in progress, or else the last one ended (its summary), or null. */
export async function currentReading(db: Reader, proposalId: string): Promise<ReadingRow | null> {
  const active = await db.reading.findFirst({ where: { proposalId, endedAt: null }, orderBy: { startedAt: "desc" } });
  return active ?? (await db.reading.findFirst({ where: { proposalId }, orderBy: { startedAt: "desc" } }));
}

// ---- The join answer -------------------------------------------------------------------------

/**
 * What a tab is sent on opening the text: the paragraphs not Open, the open brackets (at most
 * MAX_OPEN_BRACKETS, which placing enforces) and the most recent resolved ones, and the reading.
 */
export async function draftingView(db: Reader, proposalId: string): Promise<DraftingView> {
  const [clauses, open, resolved, reading] = await Promise.all([
    clauseRows(db, { proposalId, status: { not: "OPEN" } }),
    db.bracket.findMany({ where: { proposalId, status: "OPEN" }, include: BRACKET_INCLUDE, orderBy: { createdAt: "asc" }, take: MAX_OPEN_BRACKETS }),
    db.bracket.findMany({ where: { proposalId, status: { not: "OPEN" } }, include: BRACKET_INCLUDE, orderBy: { resolvedAt: "desc" }, take: MAX_RESOLVED_BRACKETS_SENT }),
    currentReading(db, proposalId),
  ]);
  const brackets = [...open, ...resolved].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const [clauseList, bracketList] = await Promise.all([toClauseViews(db, clauses), toBracketViews(db, brackets)]);
  return { clauses: clauseList, brackets: bracketList, reading: reading ? readingView(reading) : null };
}
