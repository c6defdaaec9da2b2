// "Resolve" and "Reopen" a comment thread.
import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { ClientEvents, type ClientPayload, type ThreadView } from "../../../lib/protocol.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { visibleThread } from "./thread-views.ts";
import { writableThread } from "./thread-writes.ts";

export type ResolveInput = ClientPayload<"comment:resolve">;

/**
 * Resolves (`resolved: true`) or reopens a thread the caller can see. Idempotent: a thread
 * already so is answered as it is, and nothing is recorded twice. Only a thread everyone sees
 * is audited; a delegation-only one leaves no entry at all.
 */
export async function resolveThread(opts: { db: Db; live: LiveNotifier; userId: string | null; input: ResolveInput; now: Date }): Promise<ThreadView> {
  const parsed = ClientEvents["comment:resolve"].safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const { proposalId, threadId, resolved } = parsed.data;
  const { db } = opts;
  const { membership, proposal, viewer, thread } = await writableThread(db, opts.userId, proposalId, threadId);

  const changed = await db.$transaction(async (tx) => {
    // Conditional: of two people resolving at once, one changes it and one entry is written.
    const { count } = await tx.commentThread.updateMany({
      where: { id: threadId, resolvedAt: resolved ? null : { not: null } },
      data: resolved ? { resolvedAt: opts.now, resolvedById: membership.userId } : { resolvedAt: null, resolvedById: null },
    });
    if (count === 0) return false;
    if (thread.visibility === "EVERYONE") {
      await recordAudit(tx, { workshopId: proposal.workshopId, proposalId, actorId: membership.userId, action: resolved ? "comment.resolve" : "comment.reopen", detail: { threadId } });
    }
    return true;
  });

  const view = await visibleThread(db, proposalId, threadId, viewer);
  if (!view) throw new AppError("NOT_FOUND");
  if (changed) opts.live.threadChanged(proposalId, view);
  return view;
}
