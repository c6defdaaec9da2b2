import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import { notifyProposal } from "../notifications/notify.ts";

/** The chair puts an agenda item on the floor; everyone's workshop page follows live. */
export async function setCurrentItem(opts: { db: Db; live: LiveNotifier; userId: string | null; workshopId: string; proposalId: string | null }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "workshop.manage", workshopId: opts.workshopId });
  if (opts.proposalId) {
    const p = await opts.db.proposal.findFirst({ where: { id: opts.proposalId, workshopId: opts.workshopId }, select: { id: true } });
    if (!p) throw new AppError("NOT_FOUND");
  }
  await opts.db.workshop.update({ where: { id: opts.workshopId }, data: { currentProposalId: opts.proposalId } });
  await recordAudit(opts.db, { workshopId: opts.workshopId, proposalId: opts.proposalId, actorId: membership.userId, action: "agenda.current", detail: {} });
  if (opts.proposalId) await notifyProposal(opts.db, { kind: "agenda.current", proposalId: opts.proposalId, except: membership.userId });
  opts.live.workshopChanged(opts.workshopId);
}
