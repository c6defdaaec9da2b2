import type { Db } from "../../../lib/db.ts";
import type { EditingMode } from "../../../lib/domain/vocabulary.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { assertStateStill } from "./load-amendment.ts";

/**
 * The chair switches the proposal between "Open drafting" and "Amendments only". Every node's
 * room enforces the new mode as soon as it is told (a delegate's next direct edit is refused);
 * choosing the mode it already has changes and records nothing.
 */
export async function setEditingMode(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; mode: EditingMode }) {
  const { membership, proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.mode", proposalId: opts.proposalId });
  const changed = await opts.db.$transaction(async (tx) => {
    await assertStateStill(tx, opts.proposalId, ACCESS_TABLE["proposal.mode"].states);
    const current = await tx.proposal.findUniqueOrThrow({ where: { id: opts.proposalId }, select: { editingMode: true } });
    if (current.editingMode === opts.mode) return false;
    await tx.proposal.update({ where: { id: opts.proposalId }, data: { editingMode: opts.mode } });
    await recordAudit(tx, {
      workshopId: proposal!.workshopId,
      proposalId: opts.proposalId,
      actorId: membership.userId,
      action: "proposal.mode",
      detail: { from: current.editingMode, to: opts.mode },
    });
    return true;
  });
  // Told even when unchanged: a room that missed the earlier announcement catches up.
  opts.live.editingMode(opts.proposalId, opts.mode);
  return { mode: opts.mode, changed };
}
