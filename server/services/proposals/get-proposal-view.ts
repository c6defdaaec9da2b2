import type { Db } from "../../../lib/db.ts";
import { docFromState, pmJsonOf } from "../../../lib/document/convert.ts";
import { authorize } from "../authorize.ts";
import { loadDocumentState } from "../../document-store/load-document.ts";

export async function getProposalView(opts: { db: Db; userId: string | null; proposalId: string }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.view", proposalId: opts.proposalId });
  const proposal = await opts.db.proposal.findUniqueOrThrow({
    where: { id: opts.proposalId },
    include: { workshop: { select: { id: true, title: true } } },
  });
  const { state } = await loadDocumentState({ db: opts.db, proposalId: proposal.id });
  const doc = docFromState(state);
  const content = pmJsonOf(doc);
  doc.destroy();
  return {
    viewer: membership,
    workshop: proposal.workshop,
    proposal: { id: proposal.id, title: proposal.title, summary: proposal.summary, state: proposal.state, updatedAt: proposal.updatedAt },
    content,
  };
}
