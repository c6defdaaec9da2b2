// The browser-tab title of a proposal's pages (Next's generateMetadata), in the reader's language
// (proposalPages' metadata.*). It reads through the same use case as the page (so a non-member
// learns nothing from a title) and falls back to a plain word when the page itself will refuse,
// redirect or say "not found".
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { MAX_TITLE_PART, type ProposalPageKind } from "@/lib/page-title";
import { currentUser } from "@/server/auth/session";
import { workshopOverview } from "./page-data";

/** The `proposalPages` translator (next-intl's), as far as the titles need it. */
type T = (key: string, values?: Record<string, string | number>) => string;

/** Long titles are cut so the distinguishing start still fits a tab (as lib/page-title.ts does). */
function part(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > MAX_TITLE_PART ? `${t.slice(0, MAX_TITLE_PART - 1).trimEnd()}…` : t;
}

/**
 * "<proposal> — <workshop>" for the proposal itself; "History — <proposal>",
 * "Compare versions — <proposal>" and "Version N — <proposal>" for its history pages.
 */
function pageTitle(t: T, page: ProposalPageKind, proposalTitle: string, workshopTitle: string): string {
  const proposal = part(proposalTitle) || t("metadata.proposal");
  switch (page.kind) {
    case "proposal": {
      const workshop = part(workshopTitle);
      return workshop ? `${proposal} — ${workshop}` : proposal;
    }
    case "history":
      return t("metadata.historyOf", { proposal });
    case "compare":
      return t("metadata.compareOf", { proposal });
    case "version":
      return t("metadata.versionOf", { number: page.number, proposal });
  }
}

export async function proposalMetadata(page: ProposalPageKind, workshopId: string, proposalId: string): Promise<Metadata> {
  const t = await getTranslations("proposalPages");
  const fallback: Metadata = { title: t(`metadata.${page.kind}`) };
  const user = await currentUser();
  if (!user) return fallback;
  try {
    // Shared with the proposal page's decisions panel in the same request (page-data.ts).
    const { workshop, proposals } = await workshopOverview(user.id, workshopId);
    const proposal = proposals.find((p) => p.id === proposalId);
    return proposal ? { title: pageTitle(t, page, proposal.title, workshop.title) } : fallback;
  } catch {
    // Not a member, or gone: the page answers that; the title just stays generic.
    return fallback;
  }
}
