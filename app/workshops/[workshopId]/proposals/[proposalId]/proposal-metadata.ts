// The browser-tab title of a proposal's pages (Next's generateMetadata). It reads through the
// same use case as the page (so a non-member learns nothing from a title) and falls back to a
// plain word when the page itself will refuse, redirect or say "not found".
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { proposalPageTitle, type ProposalPageKind } from "@/lib/page-title";
import { currentUser } from "@/server/auth/session";
import { getWorkshopOverview } from "@/server/services/workshop/get-workshop-overview";

const FALLBACK: Record<ProposalPageKind["kind"], string> = {
  proposal: "Proposal",
  history: "History",
  compare: "Compare versions",
  version: "Version",
};

export async function proposalMetadata(page: ProposalPageKind, workshopId: string, proposalId: string): Promise<Metadata> {
  const fallback: Metadata = { title: FALLBACK[page.kind] };
  const user = await currentUser();
  if (!user) return fallback;
  try {
    const { workshop, proposals } = await getWorkshopOverview({ db: db(), userId: user.id, workshopId });
    const proposal = proposals.find((p) => p.id === proposalId);
    return proposal ? { title: proposalPageTitle(page, proposal.title, workshop.title) } : fallback;
  } catch {
    // Not a member, or gone: the page answers that; the title just stays generic.
    return fallback;
  }
}
