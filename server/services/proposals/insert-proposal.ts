// What every new proposal is made of, in one transaction: the agenda item (last on the agenda),
// its starting text (the first checkpoint, its Yjs client ids owned by the creator), version 1
// "Starting draft" by the creator, and the audit entry. Shared by "New proposal" and "Duplicate
// as new draft"; either everything is stored or nothing is.
import type { Db } from "../../../lib/db.ts";
import { docFromState } from "../../../lib/document/convert.ts";
import { recordStartingDraft } from "../../document-store/starting-draft.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { Membership } from "../authorize.ts";
import { cutVersion, freezeText } from "../history/cut-version.ts";
import type { ProposalDetails } from "./proposal-details.ts";

export const STARTING_DRAFT_LABEL = "Starting draft";

export type NewProposal = {
  workshopId: string;
  details: ProposalDetails;
  /** The starting text as a full Yjs state. */
  state: Uint8Array;
  creator: Membership;
  /** "Duplicate as new draft": the version the text was taken from. */
  basedOn?: { proposalId: string; versionNumber: number };
  /** What the audit entry says about where the text came from. */
  origin: Record<string, unknown>;
  now: Date;
};

export async function insertProposal(db: Db, input: NewProposal): Promise<{ id: string; versionNumber: number }> {
  const { workshopId, details, creator, now } = input;
  // Read before the transaction: it grows with the text, and the write lock should not wait on it.
  const doc = docFromState(input.state);
  const frozen = freezeText(doc);
  doc.destroy();
  return db.$transaction(async (tx) => {
    const last = await tx.proposal.aggregate({ where: { workshopId }, _max: { position: true } });
    const proposal = await tx.proposal.create({
      data: {
        workshopId,
        title: details.title,
        summary: details.summary,
        position: (last._max.position ?? -1) + 1,
        basedOnProposalId: input.basedOn?.proposalId ?? null,
        basedOnVersionNumber: input.basedOn?.versionNumber ?? null,
      },
      select: { id: true },
    });
    // The text is the creator's: a chair's (no delegation), or a delegation's if the chair sits in one.
    await recordStartingDraft(tx, { proposalId: proposal.id, state: input.state, owner: { userId: creator.userId, delegationId: creator.delegationId } });
    const version = await cutVersion(tx, {
      proposalId: proposal.id,
      workshopId,
      frozen,
      kind: "NAMED",
      label: STARTING_DRAFT_LABEL,
      authorId: creator.userId,
      editors: new Set(),
      now,
    });
    await recordAudit(tx, {
      workshopId,
      proposalId: proposal.id,
      actorId: creator.userId,
      action: "proposal.create",
      detail: { title: details.title, ...input.origin },
    });
    return { id: proposal.id, versionNumber: version!.number };
  });
}
