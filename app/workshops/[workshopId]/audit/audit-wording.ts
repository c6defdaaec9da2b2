// The audit log in words a chair (or an auditor after the session) reads without a manual:
// each recorded action and its details, from the JSON the use cases store.
import { CHOICE_LABEL, countsInWords, ruleLabel } from "@/components/votes/vote-words";
import type { AuditAction, ProposalState, Role } from "@/lib/domain/vocabulary";
import { CLAUSE_STATUS_LABELS } from "@/lib/domain/drafting";

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
  "workshop.create": "Created the workshop",
  "workshop.edit": "Edited the workshop's details",
  "workshop.archive": "Archived the workshop",
  "proposal.create": "Added a proposal",
  "proposal.details": "Edited a proposal's details",
  "member.change": "Changed a member's role or delegation",
  "member.remove": "Removed a member",
  "delegation.edit": "Edited a delegation",
  "delegation.delete": "Deleted a delegation",
  "password.resetlink": "Created a password-reset link",
  "proposal.mode": "Changed the editing mode",
  "amendment.propose": "Proposed an amendment",
  "amendment.withdraw": "Withdrew an amendment",
  "amendment.accept": "Accepted an amendment",
  "amendment.reject": "Rejected an amendment",
  "amendment.supersede": "An amendment was superseded",
  // Only threads everyone can see are ever recorded (a delegation-only thread leaves no entry).
  "comment.start": "Started a comment thread",
  "comment.resolve": "Resolved a comment thread",
  "comment.reopen": "Reopened a comment thread",
  "bracket.place": "Put a passage in brackets",
  "bracket.join": "Joined a bracket",
  "bracket.withdraw": "Withdrew from a bracket",
  "bracket.option": "Proposed an option for a bracket",
  "bracket.support": "Changed support for a bracket's option",
  "bracket.agree": "Agreed on a bracketed passage",
  "bracket.lift": "Lifted a bracket",
  "clause.status": "Set a paragraph's status",
  "clause.confirm": "Confirmed a paragraph for their capital",
  "reading.start": "Started a reading",
  "reading.end": "Ended a reading",
} satisfies Record<AuditAction, string | null>;

const STATE_WORDS: Record<string, string> = { DRAFTING: "drafting", LOCKED: "locked", VOTING: "voting", ADOPTED: "adopted", WITHDRAWN: "withdrawn" } satisfies Record<ProposalState, string>;
const KIND_WORDS: Record<string, string> = { AUTO: "automatic", NAMED: "named", RESTORE: "restore" };
const DETAIL_FIELD_WORDS: Record<string, string> = { title: "title", description: "description", timeZone: "time zone", defaultVoteRule: "default vote rule", defaultQuorum: "default quorum", outcomeForObservers: "observers’ access to the outcome record" };
const ROLE_WORDS: Record<string, string> = { MODERATOR: "chair", DELEGATE: "delegate", OBSERVER: "observer" } satisfies Record<Role, string>;

export function actionInWords(action: string, proposalId: string | null, d: Detail = {}, names?: Names): string {
  if (action === "agenda.current" && !proposalId) return "Cleared the item on the floor";
  // Floor events name whose turn it was (list-audit-events.ts looks the speaker up); older
  // entries without one keep the plain words.
  const speaker = names ? speakerWords(d, names) : "";
  if (speaker && action === "floor.give") return `Gave the floor to ${speaker}`;
  if (speaker && action === "floor.end") return `Ended the speech of ${speaker}`;
  return ACTION_WORDS[action] ?? action;
}

/** "Li Wei (China)": the speaker, and the delegation they spoke for when they had one. */
export function speakerWords(d: Detail, names: Names): string {
  const s = d.speaker as { name?: unknown; delegationId?: unknown } | undefined;
  if (!s || typeof s.name !== "string") return "";
  return s.delegationId ? `${s.name} (${names.delegation(s.delegationId)})` : s.name;
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
      // Only an open ballot's entry holds the choice (cast-ballot.ts). A secret ballot's never
      // does, before or after the close: its round shows the totals only.
      const choice = CHOICE_LABEL[str(d.choice) as keyof typeof CHOICE_LABEL];
      return `For ${names.delegation(d.delegationId)}: ${choice ?? "secret ballot"}`;
    }
    case "floor.request":
      return speakerWords(d, names);
    case "floor.give":
      return typeof d.limitSeconds === "number" ? `${Math.floor(d.limitSeconds / 60)}:${String(d.limitSeconds % 60).padStart(2, "0")} speaking time` : "";
    case "agenda.move":
      return d.direction === "up" ? "Moved up" : d.direction === "down" ? "Moved down" : "";
    case "delegation.create":
      return str(d.code);
    case "workshop.create":
      return [str(d.title), str(d.timeZone), d.defaultVoteRule ? `${ruleLabel(str(d.defaultVoteRule))} · quorum ${str(d.defaultQuorum)}` : ""].filter(Boolean).join(" · ");
    case "workshop.edit":
      return Array.isArray(d.changed) ? `Changed: ${d.changed.map((f) => DETAIL_FIELD_WORDS[str(f)] ?? str(f)).join(", ")}` : "";
    case "invite.create":
    case "invite.accept":
      return [ROLE_WORDS[str(d.role)], d.delegationId ? names.delegation(d.delegationId) : ""].filter(Boolean).join(", ");
    // Members and delegations: the entry keeps the names it needs (people and delegations may go).
    case "member.change": {
      const seat = (v: unknown) => {
        const x = (v ?? {}) as Detail;
        return [ROLE_WORDS[str(x.role)] ?? str(x.role), x.delegationId ? names.delegation(x.delegationId) : ""].filter(Boolean).join(", ");
      };
      return `${str(d.name)}: ${seat(d.from)} → ${seat(d.to)}`;
    }
    case "member.remove":
      return [str(d.name), ROLE_WORDS[str(d.role)], d.delegationId ? names.delegation(d.delegationId) : ""].filter(Boolean).join(", ");
    case "delegation.edit": {
      const from = (d.from ?? {}) as Detail;
      const to = (d.to ?? {}) as Detail;
      const changes = [from.name !== to.name ? `renamed “${str(from.name)}” → “${str(to.name)}”` : "", from.colour !== to.colour ? `colour ${str(from.colour)} → ${str(to.colour)}` : ""];
      return `${str(d.code)}: ${changes.filter(Boolean).join(", ")}`;
    }
    case "delegation.delete":
      return [str(d.name), str(d.code)].filter(Boolean).join(" · ");
    case "proposal.create": {
      const from =
        d.source === "file"
          ? `imported from ${str(d.file)}`
          : d.source === "paste"
            ? `pasted ${d.format === "markdown" ? "Markdown" : "text"}`
            : d.source === "version"
              ? `from “${str(d.basedOnTitle)}”, version ${str(d.basedOnVersion)}`
              : "empty text";
      return `“${str(d.title)}” · ${from}`;
    }
    case "proposal.details":
      return [
        Array.isArray(d.changed) ? `Changed: ${d.changed.map(str).join(", ")}` : "",
        typeof d.from === "string" && typeof d.to === "string" ? `“${d.from}” → “${d.to}”` : "",
      ]
        .filter(Boolean)
        .join(" · ");
    // Brackets, statuses and readings: the entry keeps the words as they were (the text moves on).
    case "bracket.place":
    case "bracket.lift":
      return [quoted(d.passage), d.delegationId ? names.delegation(d.delegationId) : ""].filter(Boolean).join(" · ");
    case "bracket.join":
    case "bracket.withdraw":
      return [names.delegation(d.delegationId), d.lifted ? "no holder left: bracket withdrawn" : ""].filter(Boolean).join(" · ");
    case "bracket.option":
      return [quoted(d.text), names.delegation(d.delegationId)].filter(Boolean).join(" · ");
    case "bracket.support":
      return `${names.delegation(d.delegationId)} ${d.support ? "supports" : "no longer supports"} an option`;
    case "bracket.agree":
      return d.optionId
        ? `${quoted(d.passage)} → ${quoted(d.text)}${d.optionDelegationId ? ` (${names.delegation(d.optionDelegationId)})` : ""}`
        : `${quoted(d.passage)} kept as it stands`;
    case "clause.status": {
      const awaited = Array.isArray(d.awaiting) && d.awaiting.length > 0 ? ` · awaiting ${d.awaiting.map((id) => names.delegation(id)).join(", ")}` : "";
      return `Paragraph ${str(d.number)}: ${statusWords(d.from)} → ${statusWords(d.to)}${awaited}`;
    }
    case "clause.confirm":
      return [names.delegation(d.delegationId), d.agreed ? "every capital confirmed: agreed" : ""].filter(Boolean).join(" · ");
    case "reading.end":
      return Array.isArray(d.changes) ? `${d.changes.length} ${d.changes.length === 1 ? "paragraph" : "paragraphs"} changed status` : "";
    default:
      return "";
  }
}

const quoted = (v: unknown) => (str(v) ? `“${str(v)}”` : "");
const statusWords = (v: unknown) => CLAUSE_STATUS_LABELS[str(v) as keyof typeof CLAUSE_STATUS_LABELS] ?? str(v);
