// "Reply" in a comment thread.
import type { Db } from "../../../lib/db.ts";
import { MAX_COMMENTS_PER_THREAD } from "../../../lib/domain/comments.ts";
import { AppError } from "../../../lib/errors.ts";
import { ClientEvents, type ClientPayload, type ThreadView } from "../../../lib/protocol.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { visibleThread } from "./thread-views.ts";
import { notifyMentions, writableThread } from "./thread-writes.ts";

export type ReplyInput = ClientPayload<"comment:reply">;

/**
 * Adds a comment to a thread the caller can see (any other is NOT_FOUND, like one that does not
 * exist). The comment's delegation is the author's seat now. Replies are not audited: the log
 * records threads begun and settled, and a reply in a private thread must leave no trace.
 */
export async function replyToThread(opts: { db: Db; live: LiveNotifier; userId: string | null; input: ReplyInput }): Promise<ThreadView> {
  const parsed = ClientEvents["comment:reply"].safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const { proposalId, threadId, body } = parsed.data;
  const { db } = opts;
  const { membership, proposal, viewer, thread } = await writableThread(db, opts.userId, proposalId, threadId);

  const mentioned = await db.$transaction(async (tx) => {
    // The bound keeps one thread's payload small (every member is sent every visible thread).
    if ((await tx.comment.count({ where: { threadId } })) >= MAX_COMMENTS_PER_THREAD) {
      throw new AppError("TOO_MANY", `This thread has reached its limit of ${MAX_COMMENTS_PER_THREAD} comments; start a new one.`);
    }
    await tx.comment.create({ data: { threadId, authorId: membership.userId, delegationId: membership.delegationId, body } });
    return notifyMentions(tx, { workshopId: proposal.workshopId, proposalId, body, thread, authorId: membership.userId });
  });

  const view = await visibleThread(db, proposalId, threadId, viewer);
  if (!view) throw new AppError("NOT_FOUND");
  opts.live.threadChanged(proposalId, view);
  opts.live.usersNotified(proposal.workshopId, mentioned);
  return view;
}
