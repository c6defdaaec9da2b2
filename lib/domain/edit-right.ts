// Whether a member may change the text now and, if not, the reason the editor shows. Pure.
import { decide, type ProposalState, type Role, type WorkshopStatus } from "./access.ts";

export type EditRight = { canEdit: true } | { canEdit: false; reason: string };

const STATE_REASON: Record<ProposalState, string> = {
  DRAFTING: "",
  LOCKED: "The chair has locked drafting.",
  VOTING: "The text is frozen while a vote is open.",
  ADOPTED: "This text has been adopted.",
  WITHDRAWN: "This proposal has been withdrawn.",
};

export const ARCHIVED_REASON = "This workshop is archived: its texts can only be read.";

export function editRight(role: Role, state: ProposalState, workshop: WorkshopStatus = {}): EditRight {
  const d = decide(role, "proposal.edit", state, workshop);
  if (d.allowed) return { canEdit: true };
  if (d.code === "FORBIDDEN") return { canEdit: false, reason: "Observers follow the text read-only." };
  if (d.code === "ARCHIVED") return { canEdit: false, reason: ARCHIVED_REASON };
  return { canEdit: false, reason: STATE_REASON[state] };
}
