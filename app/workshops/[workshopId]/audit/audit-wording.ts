// The audit log in words a chair (or an auditor after the session) reads without a manual:
// each recorded action and its details, from the JSON the use cases store.
import { CHOICE_LABEL, countsInWords, ruleLabel } from "@/components/votes/vote-words";
import type { AuditAction, ProposalState, Role } from "@/lib/domain/vocabulary";

type Detail = Record<string, unknown>;
type Names = { delegation: (id: unknown) => string };

// Checked against every action the use cases may record, so a new one cannot go unworded by
// oversight; null: not put into words yet, the log shows the action's name.
const ACTION_WORDS: Record<string, string | null> = {
  "workshop.seed": "Workshop created",
  "delegation.create": "Added a delegation",
  "invite.create": "Created an invite",
  "invite.revoke": "Revoked an invite",
  "invite.accept": "Joined through an invite",
  "agenda.move": "Moved an agenda item",
  "agenda.current": "Put an item on the floor",
  "proposal.lock": "Locked drafting",
  "proposal.unlock": "Reopened drafting",
  "proposal.withdraw": "Withdrew the proposal",
  "version.cut": "Saved a version",
  "version.restore": "Restored a version",
  "vote.open": "Opened a vote",
  "vote.close": "Closed the vote",
  "vote.cancel": "Cancelled the vote",
  "ballot.cast": "Cast a ballot",
  "ballot.change": "Changed a ballot",
  "floor.request": "Asked for the floor",
  "floor.withdraw": null,
  "floor.give": "Gave the floor",
  "floor.end": "Ended a speech",
} satisfies Record<AuditAction, string | null>;

const STATE_WORDS: Record<string, string> = { DRAFTING: "drafting", LOCKED: "locked", VOTING: "voting", ADOPTED: "adopted", WITHDRAWN: "withdrawn" } satisfies Record<ProposalState, string>;
const KIND_WORDS: Record<string, string> = { AUTO: "automatic", NAMED: "named", RESTORE: "restore" };
const ROLE_WORDS: Record<string, string> = { MODERATOR: "chair", DELEGATE: "delegate", OBSERVER: "observer" } satisfies Record<Role, string>;

export function actionInWords(action: string, proposalId: string | null): string {
  if (action === "agenda.current" && !proposalId) return "Cleared the item on the floor";
  return ACTION_WORDS[action] ?? action;
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function tallyWords(t: unknown): string {
  if (!t || typeof t !== "object") return "";
  const tally = t as { yes: number; no: number; abstain: number; isAdopted: boolean };
  return `${tally.isAdopted ? "Adopted" : "Not adopted"} — ${countsInWords(tally as Parameters<typeof countsInWords>[0])}`;
}

export function detailInWords(action: string, d: Detail, names: Names): string {
  switch (action) {
    case "proposal.lock":
    case "proposal.unlock":
    case "proposal.withdraw":
      return `From ${STATE_WORDS[str(d.from)] ?? str(d.from)} to ${STATE_WORDS[str(d.to)] ?? str(d.to)}`;
    case "version.cut":
      // A vote's version label already says "Put to the vote: …".
      return d.kind === "VOTE"
        ? `Version ${str(d.number)}${d.label ? `: ${str(d.label)}` : ""}`
        : `Version ${str(d.number)} (${KIND_WORDS[str(d.kind)] ?? str(d.kind)})${d.label ? `: ${str(d.label)}` : ""}`;
    case "version.restore":
      return `Version ${str(d.from)} restored as version ${str(d.to)}`;
    case "vote.open":
      return `On version ${str(d.version)} · ${ruleLabel(str(d.rule))} · quorum ${str(d.quorum)} · ${d.isOpenBallot ? "open" : "secret"} ballot`;
    case "vote.close":
      return tallyWords(d.tally);
    case "vote.cancel":
      return "No result; drafting reopened";
    case "ballot.cast":
    case "ballot.change": {
      const choice = CHOICE_LABEL[str(d.choice) as keyof typeof CHOICE_LABEL];
      // A secret ballot's choice is not logged until the round closes (and then only in the tally).
      return `For ${names.delegation(d.delegationId)}${choice ? `: ${choice}` : ""}`;
    }
    case "floor.give":
      return typeof d.limitSeconds === "number" ? `${Math.floor(d.limitSeconds / 60)}:${String(d.limitSeconds % 60).padStart(2, "0")} speaking time` : "";
    case "agenda.move":
      return d.direction === "up" ? "Moved up" : d.direction === "down" ? "Moved down" : "";
    case "delegation.create":
      return str(d.code);
    case "invite.create":
    case "invite.accept":
      return [ROLE_WORDS[str(d.role)], d.delegationId ? names.delegation(d.delegationId) : ""].filter(Boolean).join(", ");
    default:
      return "";
  }
}
