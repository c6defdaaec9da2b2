// Comment threads as the protocol sends them (ThreadView), filtered by the one visibility rule
// (lib/domain/comments.ts canSeeThread) in the query itself: a delegation-only thread is never
// even read for someone outside its delegation.
import { FORMER_MEMBER_NAME } from "../../../lib/domain/people.ts";
import type { Db, Tx } from "../../../lib/db.ts";
import type { DelegationTag, ThreadView } from "../../../lib/protocol.ts";
import { asBytes } from "../../../lib/bytes.ts";
import { canSeeThread, type Viewer } from "../../../lib/domain/comments.ts";

const SELECT = {
  id: true,
  anchorFrom: true,
  anchorTo: true,
  quote: true,
  visibility: true,
  delegationId: true,
  resolvedAt: true,
  createdAt: true,
  comments: { select: { id: true, authorId: true, delegationId: true, body: true, createdAt: true }, orderBy: { createdAt: "asc" } },
} as const;

/** The where-clause form of canSeeThread: everyone's threads, and the viewer's delegation's own. */
export function visibleTo(viewer: Viewer) {
  return viewer.delegationId === null
    ? { visibility: "EVERYONE" as const }
    : { OR: [{ visibility: "EVERYONE" as const }, { visibility: "DELEGATION" as const, delegationId: viewer.delegationId }] };
}

type Row = Awaited<ReturnType<typeof rowsOf>>[number];

function rowsOf(db: Db | Tx, proposalId: string, viewer: Viewer, threadId?: string) {
  return db.commentThread.findMany({ where: { proposalId, ...(threadId ? { id: threadId } : {}), ...visibleTo(viewer) }, select: SELECT, orderBy: { createdAt: "asc" } });
}

async function toViews(db: Db | Tx, rows: Row[], viewer: Viewer): Promise<ThreadView[]> {
  // Belt and braces: the query already filtered; a row that slipped through is dropped, not sent.
  const seen = rows.filter((r) => canSeeThread(viewer, r));
  if (seen.length === 0) return [];
  const delegationIds = new Set<string>();
  const userIds = new Set<string>();
  for (const t of seen) {
    if (t.delegationId) delegationIds.add(t.delegationId);
    for (const c of t.comments) {
      userIds.add(c.authorId);
      if (c.delegationId) delegationIds.add(c.delegationId);
    }
  }
  const [delegations, users] = await Promise.all([
    delegationIds.size ? db.delegation.findMany({ where: { id: { in: [...delegationIds] } }, select: { id: true, name: true, code: true, colour: true } }) : [],
    userIds.size ? db.user.findMany({ where: { id: { in: [...userIds] } }, select: { id: true, name: true } }) : [],
  ]);
  const tag = new Map<string, DelegationTag>(delegations.map((d) => [d.id, d]));
  const name = new Map(users.map((u) => [u.id, u.name]));
  return seen.map((t) => ({
    id: t.id,
    from: asBytes(t.anchorFrom),
    to: asBytes(t.anchorTo),
    quote: t.quote,
    visibility: t.visibility,
    delegation: t.visibility === "DELEGATION" && t.delegationId ? (tag.get(t.delegationId) ?? null) : null,
    resolved: t.resolvedAt !== null,
    createdAt: t.createdAt.toISOString(),
    comments: t.comments.map((c) => ({
      id: c.id,
      author: { id: c.authorId, name: name.get(c.authorId) ?? FORMER_MEMBER_NAME },
      delegation: c.delegationId ? (tag.get(c.delegationId) ?? null) : null,
      body: c.body,
      createdAt: c.createdAt.toISOString(),
    })),
  }));
}

/** The threads of a proposal this viewer may see, oldest first. */
export async function listVisibleThreads(db: Db | Tx, proposalId: string, viewer: Viewer): Promise<ThreadView[]> {
  return toViews(db, await rowsOf(db, proposalId, viewer), viewer);
}

/** One thread as `viewer` sees it, or null when it does not exist for them. */
export async function visibleThread(db: Db | Tx, proposalId: string, threadId: string, viewer: Viewer): Promise<ThreadView | null> {
  return (await toViews(db, await rowsOf(db, proposalId, viewer, threadId), viewer))[0] ?? null;
}
