import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";

/** Which delegation each Yjs client id of the proposal belongs to (for "Show authorship"). */
export async function listDocumentAuthors(opts: { db: Db; userId: string | null; proposalId: string }) {
  const { proposal } = await authorize({ db: opts.db, userId: opts.userId, action: "proposal.view", proposalId: opts.proposalId });
  const [clients, delegations] = await Promise.all([
    opts.db.documentClient.findMany({ where: { proposalId: opts.proposalId }, select: { clientId: true, delegationId: true } }),
    opts.db.delegation.findMany({ where: { workshopId: proposal!.workshopId }, select: { id: true, name: true, code: true, colour: true } }),
  ]);
  return {
    clients: clients.map((c) => ({ clientId: Number(c.clientId), delegationId: c.delegationId })),
    delegations,
  };
}
