// The steps every write in a comment thread shares: the writer as the visibility rule sees them,
// the thread they may write in (or "not found"), and whom a comment's mentions reach.
import type { Db, Tx } from "../../../lib/db.ts";
import { mayWriteInThread, mentionedDelegations, type ThreadFacts, type Viewer } from "../../../lib/domain/comments.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize, type Membership } from "../authorize.ts";
import { notifyProposal } from "../notifications/notify.ts";
import { visibleTo } from "./thread-views.ts";

/** The writer: their seat in the workshop, never anything the client says. */
export function viewerOf(m: Membership): Viewer {
  return { userId: m.userId, role: m.role, delegationId: m.delegationId };
}

/** One answer for an unknown thread and for another delegation's, to the word: the refusal tells nothing. */
const NO_SUCH_THREAD = "There is no such comment thread.";

/**
 * A thread of this proposal the caller may reply in, resolve or reopen. A thread of another
 * proposal, one that does not exist and one the caller may not see are all NOT_FOUND alike; a
 * private thread is not even read for an outsider (the query carries the visibility rule).
 */
export async function writableThread(db: Db, userId: string | null, proposalId: string, threadId: string) {
  const { membership, proposal } = await authorize({ db, userId, action: "comment.write", proposalId });
  const viewer = viewerOf(membership);
  const thread = await db.commentThread.findFirst({
    where: { id: threadId, proposalId, ...visibleTo(viewer) },
    select: { id: true, visibility: true, delegationId: true, resolvedAt: true },
  });
  if (!thread) throw new AppError("NOT_FOUND", NO_SUCH_THREAD);
  const verdict = mayWriteInThread(viewer, thread, proposal!.state);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.code === "NOT_FOUND" ? NO_SUCH_THREAD : verdict.message);
  return { membership, proposal: proposal!, viewer, thread };
}

/**
 * Stores a notice for each member of the delegations `body` mentions (but the author), in the
 * comment's transaction. The thread's rule decides which delegations can be reached at all: in
 * a delegation-only thread only its own, so a mention never tells an outsider it exists.
 */
export async function notifyMentions(tx: Tx, c: { workshopId: string; proposalId: string; body: string; thread: ThreadFacts; authorId: string }): Promise<string[]> {
  if (!c.body.includes("@")) return [];
  const delegations = await tx.delegation.findMany({ where: { workshopId: c.workshopId }, select: { id: true, name: true, code: true } });
  const delegationIds = mentionedDelegations(c.body, delegations, c.thread);
  if (delegationIds.length === 0) return [];
  const author = await tx.user.findUnique({ where: { id: c.authorId }, select: { name: true } });
  return notifyProposal(tx, { kind: "comment.mention", proposalId: c.proposalId, except: c.authorId, delegationIds, author: author?.name });
}
