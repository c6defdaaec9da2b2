import type { Db } from "../../../lib/db.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import type { VoteStatus } from "../../../lib/domain/vocabulary.ts";
import { authorize } from "../authorize.ts";

/** What a VOTE version's round says in the list: its place among the proposal's rounds, and how it ended. */
export type VersionRound = {
  number: number;
  question: string;
  status: VoteStatus;
  /** Totals only, and only once the round is closed: a secret ballot never shows who chose what. */
  tally: { yes: number; no: number; abstain: number; isAdopted: boolean } | null;
};

/** One page of the list: newest first, without texts or states (loaded on demand). */
export const VERSIONS_PAGE_SIZE = 50;

export async function listVersions(opts: { db: Db; userId: string | null; proposalId: string; before?: number; take?: number }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "history.view", proposalId: opts.proposalId });
  const take = Math.min(Math.max(opts.take ?? VERSIONS_PAGE_SIZE, 1), 200);
  const rows = await opts.db.version.findMany({
    where: { proposalId: opts.proposalId, ...(opts.before ? { number: { lt: opts.before } } : {}) },
    orderBy: { number: "desc" },
    take: take + 1,
    select: { id: true, number: true, kind: true, label: true, contributors: true, authorId: true, createdAt: true },
  });
  const page = rows.slice(0, take);
  const authorIds = page.map((v) => v.authorId).filter((a): a is string => a !== null);
  const found = await findManyInChunks(authorIds, (chunk) => opts.db.user.findMany({ where: { id: { in: chunk } }, select: { id: true, name: true } }));
  const authors = new Map(found.map((u) => [u.id, u.name]));
  const rounds = await roundsOfVersions(opts.db, opts.proposalId, page.filter((v) => v.kind === "VOTE").map((v) => v.id));
  return {
    versions: page.map((v) => ({
      id: v.id,
      number: v.number,
      kind: v.kind,
      label: v.label,
      contributors: JSON.parse(v.contributors) as string[],
      author: v.authorId ? (authors.get(v.authorId) ?? null) : null,
      createdAt: v.createdAt.toISOString(),
      round: rounds.get(v.id) ?? null,
    })),
    nextBefore: rows.length > take ? page.at(-1)!.number : null,
  };
}

/**
 * The round each VOTE version was cut for, numbered in the order rounds were opened (a proposal
 * has a handful of rounds, so all of them are read to number them).
 */
async function roundsOfVersions(db: Db, proposalId: string, versionIds: string[]): Promise<Map<string, VersionRound>> {
  if (versionIds.length === 0) return new Map();
  const rows = await db.voteRound.findMany({
    where: { proposalId },
    orderBy: [{ openedAt: "asc" }, { id: "asc" }],
    select: { versionId: true, question: true, status: true, result: true },
  });
  const wanted = new Set(versionIds);
  const out = new Map<string, VersionRound>();
  rows.forEach((r, i) => {
    if (!wanted.has(r.versionId) || out.has(r.versionId)) return;
    const tally = r.status === "CLOSED" && r.result ? (JSON.parse(r.result) as { yes: number; no: number; abstain: number; isAdopted: boolean }) : null;
    out.set(r.versionId, {
      number: i + 1,
      question: r.question,
      status: r.status,
      tally: tally && { yes: tally.yes, no: tally.no, abstain: tally.abstain, isAdopted: tally.isAdopted },
    });
  });
  return out;
}
