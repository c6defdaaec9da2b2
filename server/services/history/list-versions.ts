import type { Db } from "../../../lib/db.ts";
import { findManyInChunks } from "../../../lib/db-chunks.ts";
import { authorize } from "../authorize.ts";

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
  return {
    versions: page.map((v) => ({
      id: v.id,
      number: v.number,
      kind: v.kind,
      label: v.label,
      contributors: JSON.parse(v.contributors) as string[],
      author: v.authorId ? (authors.get(v.authorId) ?? null) : null,
      createdAt: v.createdAt.toISOString(),
    })),
    nextBefore: rows.length > take ? page.at(-1)!.number : null,
  };
}
