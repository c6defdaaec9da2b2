// What every history page (list, version, compare) needs around the versions themselves: the
// signed-in user, the workshop's delegations (attribution colours), the proposal's title and
// state, and whether the viewer may save or restore. One authorized load, shared by the pages.
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getWorkshopOverview } from "@/server/services/workshop/get-workshop-overview";
import { can } from "@/lib/domain/access";

export type HistoryDelegation = { id: string; name: string; code: string; colour: string };

export async function loadHistoryContext(workshopId: string, proposalId: string, returnTo: string) {
  const user = await requireUser(returnTo);
  const overview = await guardPage(getWorkshopOverview({ db: db(), userId: user.id, workshopId }));
  // The URL's workshop must be the proposal's own: anything else is "not found", never a leak.
  const proposal = overview.proposals.find((p) => p.id === proposalId);
  if (!proposal) notFound();
  const isChair = overview.viewer.role === "MODERATOR";
  const workshopStatus = { archived: overview.workshop.archivedAt !== null };
  return {
    user,
    workshop: overview.workshop,
    proposal,
    delegations: overview.delegations satisfies HistoryDelegation[],
    isChair,
    /** The viewer's delegation (null for the chair and observers): "Download" may add its internal comments. */
    viewerDelegationId: overview.viewer.delegationId,
    // The server refuses anyway; hiding the controls just avoids offering what would fail.
    canSaveVersion: can(overview.viewer.role, "version.create", proposal.state, workshopStatus),
    canRestore: can(overview.viewer.role, "version.restore", proposal.state, workshopStatus),
    // "Duplicate as new draft" adds a proposal to this workshop.
    canCreateProposal: can(overview.viewer.role, "proposal.create", undefined, workshopStatus),
    basePath: `/workshops/${workshopId}/proposals/${proposalId}`,
  };
}

/** A positive whole number from a URL segment or query value, or null. */
export function positiveInt(value: string | string[] | undefined): number | null {
  if (typeof value !== "string" || !/^\d{1,9}$/.test(value)) return null;
  const n = Number(value);
  return n > 0 ? n : null;
}
