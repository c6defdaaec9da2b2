// "Comment" on a selected passage: a thread anchored to it, visible to everyone or to the
// author's delegation only.
import type { Db } from "../../../lib/db.ts";
import { MAX_THREADS, mayStartThread, quoteOf } from "../../../lib/domain/comments.ts";
import { AppError } from "../../../lib/errors.ts";
import { ClientEvents, type ClientPayload, type ThreadView } from "../../../lib/protocol.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveDocuments } from "../live-documents.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { authorize } from "../authorize.ts";
import { visibleThread, visibleTo } from "./thread-views.ts";
import { notifyMentions, viewerOf } from "./thread-writes.ts";

export type StartThreadInput = ClientPayload<"comment:start">;

/**
 * Starts a thread. The passage is read from the server's own text (a pair of anchors that is not
 * a passage of it, e.g. another proposal's, is ANCHOR_NOT_FOUND and nothing is stored); the
 * thread's delegation is the author's seat, never input. Only a thread everyone sees is audited:
 * a delegation-only one must leave no trace outside its delegation, not even an anonymous one.
 */
export async function startThread(opts: { db: Db; docs: Pick<LiveDocuments, "readSpans">; live: LiveNotifier; userId: string | null; input: StartThreadInput }): Promise<ThreadView> {
  // The socket layer checked this already; a use case does not rely on its caller for it.
  const parsed = ClientEvents["comment:start"].safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const { proposalId, body, visibility } = parsed.data;
  const { db } = opts;
  const { membership, proposal } = await authorize({ db, userId: opts.userId, action: "comment.write", proposalId });
  const viewer = viewerOf(membership);
  const verdict = mayStartThread(viewer, visibility, proposal!.state);
  if (!verdict.ok) throw new AppError(verdict.code, verdict.message);

  // Copies: a socket's Buffer may be a window on a larger pooled buffer.
  const from = new Uint8Array(parsed.data.from);
  const to = new Uint8Array(parsed.data.to);
  const [span] = await opts.docs.readSpans(proposalId, [{ from, to }]);
  if (!span) throw new AppError("ANCHOR_NOT_FOUND");

  const delegationId = membership.delegationId;
  const created = await db.$transaction(async (tx) => {
    // Counted as the author sees them: a refusal never hints at another delegation's private
    // threads, and what any member is sent on opening the text stays under twice the bound.
    if ((await tx.commentThread.count({ where: { proposalId, ...visibleTo(viewer) } })) >= MAX_THREADS) {
      throw new AppError("TOO_MANY", `This text has reached its limit of ${MAX_THREADS} comment threads.`);
    }
    const thread = await tx.commentThread.create({
      data: {
        proposalId,
        authorId: membership.userId,
        delegationId,
        visibility,
        anchorFrom: from,
        anchorTo: to,
        quote: quoteOf(span.passage),
        comments: { create: { authorId: membership.userId, delegationId, body } },
      },
      select: { id: true },
    });
    if (visibility === "EVERYONE") {
      await recordAudit(tx, { workshopId: proposal!.workshopId, proposalId, actorId: membership.userId, action: "comment.start", detail: { threadId: thread.id } });
    }
    const mentioned = await notifyMentions(tx, { workshopId: proposal!.workshopId, proposalId, body, thread: { visibility, delegationId }, authorId: membership.userId });
    return { ...thread, mentioned };
  });

  // As the author sees it, which is as its whole audience sees it (a view names no viewer).
  const view = await visibleThread(db, proposalId, created.id, viewer);
  if (!view) throw new AppError("NOT_FOUND");
  opts.live.threadChanged(proposalId, view);
  opts.live.usersNotified(proposal!.workshopId, created.mentioned);
  return view;
}
