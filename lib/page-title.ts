// Browser-tab titles for a proposal's pages. With several proposals open, each tab must say
// which one it is; the root layout's template adds " · Accord".

/** Long titles are cut so the distinguishing start still fits a tab. */
export const MAX_TITLE_PART = 80;

function part(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > MAX_TITLE_PART ? `${t.slice(0, MAX_TITLE_PART - 1).trimEnd()}…` : t;
}

export type ProposalPageKind = { kind: "proposal" } | { kind: "history" } | { kind: "compare" } | { kind: "version"; number: number };

/**
 * "<proposal> — <workshop>" for the proposal itself; "History — <proposal>",
 * "Compare versions — <proposal>" and "Version N — <proposal>" for its history pages.
 */
export function proposalPageTitle(page: ProposalPageKind, proposalTitle: string, workshopTitle: string): string {
  const proposal = part(proposalTitle) || "Proposal";
  switch (page.kind) {
    case "proposal": {
      const workshop = part(workshopTitle);
      return workshop ? `${proposal} — ${workshop}` : proposal;
    }
    case "history":
      return `History — ${proposal}`;
    case "compare":
      return `Compare versions — ${proposal}`;
    case "version":
      return `Version ${page.number} — ${proposal}`;
  }
}
