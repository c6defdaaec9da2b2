import type { Db } from "../../../lib/db.ts";
import { docFromState, pmJsonOf } from "../../../lib/document/convert.ts";
import { authorize } from "../authorize.ts";
import { loadDocumentState } from "../../document-store/load-document.ts";

export async function getProposalView(opts: { db: Db; userId: string | null; proposalId: string }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.view", proposalId: opts.proposalId });
  const proposal = await opts.db.proposal.findUniqueOrThrow({
    where: { id: opts.proposalId },
    include: { workshop: { select: { id: true, title: true, archivedAt: true } } },
  });
  // "Based on <title>, version N": the source is in the same workshop (duplicating stays within it).
  const source =
    proposal.basedOnProposalId && proposal.basedOnVersionNumber !== null
      ? await opts.db.proposal.findFirst({ where: { id: proposal.basedOnProposalId, workshopId: proposal.workshopId }, select: { id: true, title: true } })
      : null;
  const { state } = await loadDocumentState({ db: opts.db, proposalId: proposal.id });
  const doc = docFromState(state);
  const content = pmJsonOf(doc);
  doc.destroy();
  return {
    viewer: membership,
    workshop: proposal.workshop,
    proposal: { id: proposal.id, title: proposal.title, summary: proposal.summary, state: proposal.state, updatedAt: proposal.updatedAt },
    basedOn: source ? { proposalId: source.id, title: source.title, versionNumber: proposal.basedOnVersionNumber! } : null,
    content,
  };
}
