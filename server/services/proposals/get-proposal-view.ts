import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";
import { readProposalText, type LoadedDocuments } from "./read-proposal-text.ts";

/**
 * The proposal page's data. `live`: this process's rooms (when the realtime server runs): the text
 * is then read from the proposal's loaded room if there is one (read-proposal-text.ts).
 */
export async function getProposalView(opts: { db: Db; userId: string | null; proposalId: string; live?: LoadedDocuments }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.view", proposalId: opts.proposalId });
  // The text does not wait for the proposal's row (in a loaded room it is not read from the database at all).
  const [proposal, text] = await Promise.all([
    opts.db.proposal.findUniqueOrThrow({
      where: { id: opts.proposalId },
      include: { workshop: { select: { id: true, title: true, archivedAt: true } } },
    }),
    readProposalText({ db: opts.db, live: opts.live, proposalId: opts.proposalId }),
  ]);
  // "Based on <title>, version N": the source is in the same workshop (duplicating stays within it).
  const source =
    proposal.basedOnProposalId && proposal.basedOnVersionNumber !== null
      ? await opts.db.proposal.findFirst({ where: { id: proposal.basedOnProposalId, workshopId: proposal.workshopId }, select: { id: true, title: true } })
      : null;
  return {
    viewer: membership,
    workshop: proposal.workshop,
    proposal: { id: proposal.id, title: proposal.title, summary: proposal.summary, state: proposal.state, updatedAt: proposal.updatedAt },
    basedOn: source ? { proposalId: source.id, title: source.title, versionNumber: proposal.basedOnVersionNumber! } : null,
    content: text.content,
    textSource: text.source,
  };
}
