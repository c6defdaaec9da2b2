// The proposal page's reads that several of its parts share, once per request (React's cache):
// the tab's title and the decisions panel both read the workshop's overview, and the panel's
// reads are started with the page's own (preloadDecisions) rather than after them.
import { cache } from "react";
import { db } from "@/lib/db";
import { getWorkshopOverview } from "@/server/services/workshop/get-workshop-overview";
import { getWorkshopLive } from "@/server/services/workshop/get-workshop-live";
import { listVoteRounds } from "@/server/services/votes/list-vote-rounds";

export const workshopOverview = cache((userId: string, workshopId: string) => getWorkshopOverview({ db: db(), userId, workshopId }));

export const voteRounds = cache((userId: string, proposalId: string) => listVoteRounds({ db: db(), userId, proposalId }));

export const workshopLive = cache((workshopId: string) => getWorkshopLive(db(), workshopId, new Date()));

/**
 * Starts the decisions panel's reads now. A refusal is not lost: whoever awaits the cached
 * promise later gets it; the page itself may answer "not found" first and never render the
 * panel, so the promises are marked as handled here.
 */
export function preloadDecisions(userId: string, workshopId: string, proposalId: string): void {
  const ignore = () => {};
  workshopOverview(userId, workshopId).catch(ignore);
  voteRounds(userId, proposalId).catch(ignore);
  workshopLive(workshopId).catch(ignore);
}
