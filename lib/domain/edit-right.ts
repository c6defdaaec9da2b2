// Whether a member may change the text now and, if not, the reason the editor shows. Pure.
import { decide, type ProposalState, type Role } from "./access.ts";

export type EditRight = { canEdit: true } | { canEdit: false; reason: string };

const STATE_REASON: Record<ProposalState, string> = {
  DRAFTING: "",
  LOCKED: "The chair has locked drafting.",
  VOTING: "The text is frozen while a vote is open.",
  ADOPTED: "This text has been adopted.",
  WITHDRAWN: "This proposal has been withdrawn.",
};

export function editRight(role: Role, state: ProposalState): EditRight {
  const d = decide(role, "proposal.edit", state);
  if (d.allowed) return { canEdit: true };
  if (d.code === "FORBIDDEN") return { canEdit: false, reason: "Observers follow the text read-only." };
  return { canEdit: false, reason: STATE_REASON[state] };
}
