import type { Db } from "../../../lib/db.ts";
import { ACCESS_TABLE } from "../../../lib/domain/access.ts";
import { AppError } from "../../../lib/errors.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { parseProposalDetails } from "./proposal-details.ts";

/**
 * The chair changes a proposal's title and summary (not once it is decided: the record stays as
 * voted). Recorded in the audit log with what changed; every open page shows the new details
 * live (they travel on the workshop's live board).
 */
export async function editProposalDetails(opts: { db: Db; live: LiveNotifier; userId: string | null; proposalId: string; input: { title: string; summary?: string } }) {
  const { membership, proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.details", proposalId: opts.proposalId });
  const details = parseProposalDetails({ title: opts.input.title, summary: opts.input.summary ?? "" });
  const changed = await opts.db.$transaction(async (tx) => {
    const before = await tx.proposal.findUniqueOrThrow({ where: { id: opts.proposalId }, select: { title: true, summary: true } });
    const fields = (["title", "summary"] as const).filter((f) => before[f] !== details[f]);
    if (fields.length === 0) return fields;
    // Conditional on a state that allows it: a vote closing meanwhile makes this fail, not slip through.
    const { count } = await tx.proposal.updateMany({ where: { id: opts.proposalId, state: { in: [...ACCESS_TABLE["proposal.details"].states] } }, data: details });
    if (count === 0) throw new AppError("WRONG_STATE");
    await recordAudit(tx, {
      workshopId: proposal!.workshopId,
      proposalId: opts.proposalId,
      actorId: membership.userId,
      action: "proposal.details",
      detail: { changed: fields, ...(fields.includes("title") ? { from: before.title, to: details.title } : {}) },
    });
    return fields;
  });
  if (changed.length > 0) opts.live.workshopChanged(proposal!.workshopId);
  return { ...details, changed };
}
