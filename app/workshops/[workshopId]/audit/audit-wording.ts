// The audit log in words a chair (or an auditor after the session) reads without a manual:
// each recorded action and its details, from the JSON the use cases store. The words come from
// the `audit` catalogue (messages/<locale>/audit.json): callers pass a translator for that
// namespace (`getTranslations("audit")` / `useTranslations("audit")`); without one the wording
// is English, from the same catalogue.
import { createTranslator } from "next-intl";
import type { AuditAction } from "@/lib/domain/vocabulary";
import { BALLOT_CHOICES, CLAUSE_STATUSES, PROPOSAL_STATES, ROLES, VOTE_RULES } from "@/lib/domain/vocabulary";
import englishAudit from "@/messages/en/audit.json";

type Detail = Record<string, unknown>;
type Names = { delegation: (id: unknown) => string };

/** A translator for the `audit` namespace. */
export type AuditTranslator = (key: string, values?: Record<string, string | number | Date>) => string;

/** The English wording, from the English catalogue: tests, and callers not localized yet. */
export const englishAuditTranslator: AuditTranslator = createTranslator({ locale: "en", messages: { audit: englishAudit } as Record<string, unknown>, namespace: "audit" }) as AuditTranslator;

// Checked against every action the use cases may record, so a new one cannot go unworded by
// oversight; false: not put into words yet, the log shows the action's name. The words are the
// catalogue's `action.<area>.<verb>`.
const WORDED: Record<string, boolean> = {
  "workshop.seed": true,
  "delegation.create": true,
  "invite.create": true,
  "invite.revoke": true,
  "invite.accept": true,
  "agenda.move": true,
  "agenda.current": true,
  "proposal.lock": true,
  "proposal.unlock": true,
  "proposal.withdraw": true,
  "version.cut": true,
  "version.restore": true,
  "vote.open": true,
  "vote.close": true,
  "vote.cancel": true,
  "ballot.cast": true,
  "ballot.change": true,
  "floor.request": true,
  "floor.withdraw": false,
  "floor.give": true,
  "floor.end": true,
  "workshop.create": true,
  "workshop.edit": true,
  "workshop.archive": true,
  "proposal.create": true,
  "proposal.details": true,
  "member.change": true,
  "member.remove": true,
  "delegation.edit": true,
  "delegation.delete": true,
  "password.resetlink": true,
  "proposal.mode": true,
  "amendment.propose": true,
  "amendment.withdraw": true,
  "amendment.accept": true,
  "amendment.reject": true,
  "amendment.supersede": true,
  // Only threads everyone can see are ever recorded (a delegation-only thread leaves no entry).
  "comment.start": true,
  "comment.resolve": true,
  "comment.reopen": true,
  "bracket.place": true,
  "bracket.join": true,
  "bracket.withdraw": true,
  "bracket.option": true,
  "bracket.support": true,
  "bracket.agree": true,
  "bracket.lift": true,
  "clause.status": true,
  "clause.confirm": true,
  "reading.start": true,
  "reading.end": true,
} satisfies Record<AuditAction, boolean>;

/** The values each group of the catalogue words (`state.DRAFTING`…); anything else is shown as stored. */
const GROUPS = {
  state: PROPOSAL_STATES,
  kind: ["AUTO", "NAMED", "RESTORE"],
  field: ["title", "description", "timeZone", "defaultVoteRule", "defaultQuorum", "outcomeForObservers"],
  proposalField: ["title", "summary"],
  role: ROLES,
  rule: VOTE_RULES,
  choice: BALLOT_CHOICES,
  clauseStatus: CLAUSE_STATUSES,
} as const satisfies Record<string, readonly string[]>;

/** The catalogue's word for a stored value, or null when it has none. */
function wordOrNull(t: AuditTranslator, group: keyof typeof GROUPS, value: unknown): string | null {
  const v = str(value);
  return (GROUPS[group] as readonly string[]).includes(v) ? t(`${group}.${v}`) : null;
}

/** The catalogue's word for a stored value, else the value as stored. */
const word = (t: AuditTranslator, group: keyof typeof GROUPS, value: unknown) => wordOrNull(t, group, value) ?? str(value);

export function actionInWords(action: string, proposalId: string | null, d: Detail = {}, names?: Names, t: AuditTranslator = englishAuditTranslator): string {
  if (action === "agenda.current" && !proposalId) return t("words.clearedItem");
  // Floor events name whose turn it was (list-audit-events.ts looks the speaker up); older
  // entries without one keep the plain words.
  const speaker = names ? speakerWords(d, names, t) : "";
  if (speaker && action === "floor.give") return t("words.gaveFloorTo", { speaker });
  if (speaker && action === "floor.end") return t("words.endedSpeechOf", { speaker });
  return WORDED[action] ? t(`action.${action}`) : action;
}

/** "Li Wei (China)": the speaker, and the delegation they spoke for when they had one. */
export function speakerWords(d: Detail, names: Names, t: AuditTranslator = englishAuditTranslator): string {
  const s = d.speaker as { name?: unknown; delegationId?: unknown } | undefined;
  if (!s || typeof s.name !== "string") return "";
  return s.delegationId ? t("words.speaker", { name: s.name, delegation: names.delegation(s.delegationId) }) : s.name;
}

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

function tallyWords(tally: unknown, t: AuditTranslator): string {
  if (!tally || typeof tally !== "object") return "";
  const x = tally as { yes: number; no: number; abstain: number; isAdopted: boolean };
  return t(x.isAdopted ? "words.adopted" : "words.notAdopted", { yes: str(x.yes), no: str(x.no), abstain: str(x.abstain) });
}

export function detailInWords(action: string, d: Detail, names: Names, t: AuditTranslator = englishAuditTranslator): string {
  const list = (items: string[]) => items.filter(Boolean).join(t("words.separator"));
  const quoted = (v: unknown) => (str(v) ? t("words.quoted", { text: str(v) }) : "");
  switch (action) {
    case "proposal.lock":
    case "proposal.unlock":
    case "proposal.withdraw":
      return t("words.stateChange", { from: word(t, "state", d.from), to: word(t, "state", d.to) });
    case "version.cut": {
      // A vote's version label already says "Put to the vote: …".
      const number = str(d.number);
      const label = d.label ? str(d.label) : "";
      if (d.kind === "VOTE") return label ? t("words.versionLabelled", { number, label }) : t("words.version", { number });
      const kind = word(t, "kind", d.kind);
      return label ? t("words.versionKindLabelled", { number, kind, label }) : t("words.versionKind", { number, kind });
    }
    case "version.restore":
      return t("words.versionRestored", { from: str(d.from), to: str(d.to) });
    case "vote.open":
      return t("words.voteOpened", { version: str(d.version), rule: word(t, "rule", d.rule), quorum: str(d.quorum), ballot: d.isOpenBallot ? "open" : "secret" });
    case "vote.close":
      return tallyWords(d.tally, t);
    case "vote.cancel":
      return t("words.voteCancelled");
    case "ballot.cast":
    case "ballot.change":
      // Only an open ballot's entry holds the choice (cast-ballot.ts). A secret ballot's never
      // does, before or after the close: its round shows the totals only.
      return t("words.ballotFor", { delegation: names.delegation(d.delegationId), choice: wordOrNull(t, "choice", d.choice) ?? t("words.secretBallot") });
    case "floor.request":
      return speakerWords(d, names, t);
    case "floor.give":
      return typeof d.limitSeconds === "number" ? t("words.speakingTime", { time: `${Math.floor(d.limitSeconds / 60)}:${String(d.limitSeconds % 60).padStart(2, "0")}` }) : "";
    case "agenda.move":
      return d.direction === "up" ? t("words.movedUp") : d.direction === "down" ? t("words.movedDown") : "";
    case "delegation.create":
      return str(d.code);
    case "workshop.create":
      return [str(d.title), str(d.timeZone), d.defaultVoteRule ? t("words.ruleQuorum", { rule: word(t, "rule", d.defaultVoteRule), quorum: str(d.defaultQuorum) }) : ""].filter(Boolean).join(" · ");
    case "workshop.edit":
      return Array.isArray(d.changed) ? t("words.changed", { fields: d.changed.map((f) => word(t, "field", f)).join(t("words.separator")) }) : "";
    case "invite.create":
    case "invite.accept":
      return list([wordOrNull(t, "role", d.role) ?? "", d.delegationId ? names.delegation(d.delegationId) : ""]);
    // Members and delegations: the entry keeps the names it needs (people and delegations may go).
    case "member.change": {
      const seat = (v: unknown) => {
        const x = (v ?? {}) as Detail;
        return list([word(t, "role", x.role), x.delegationId ? names.delegation(x.delegationId) : ""]);
      };
      return t("words.memberChange", { name: str(d.name), from: seat(d.from), to: seat(d.to) });
    }
    case "member.remove":
      return list([str(d.name), wordOrNull(t, "role", d.role) ?? "", d.delegationId ? names.delegation(d.delegationId) : ""]);
    case "delegation.edit": {
      const from = (d.from ?? {}) as Detail;
      const to = (d.to ?? {}) as Detail;
      const changes = [
        from.name !== to.name ? t("words.renamed", { from: str(from.name), to: str(to.name) }) : "",
        from.colour !== to.colour ? t("words.recoloured", { from: str(from.colour), to: str(to.colour) }) : "",
      ];
      return t("words.delegationEdit", { code: str(d.code), changes: list(changes) });
    }
    case "delegation.delete":
      return [str(d.name), str(d.code)].filter(Boolean).join(" · ");
    case "proposal.create": {
      const source =
        d.source === "file"
          ? t("words.importedFrom", { file: str(d.file) })
          : d.source === "paste"
            ? t(d.format === "markdown" ? "words.pastedMarkdown" : "words.pastedText")
            : d.source === "version"
              ? t("words.fromVersion", { title: str(d.basedOnTitle), version: str(d.basedOnVersion) })
              : t("words.emptyText");
      return t("words.proposalCreated", { title: str(d.title), source });
    }
    case "proposal.details":
      return [
        Array.isArray(d.changed) ? t("words.changed", { fields: d.changed.map((f) => word(t, "proposalField", f)).join(t("words.separator")) }) : "",
        typeof d.from === "string" && typeof d.to === "string" ? t("words.titleChange", { from: d.from, to: d.to }) : "",
      ]
        .filter(Boolean)
        .join(" · ");
    // Brackets, statuses and readings: the entry keeps the words as they were (the text moves on).
    case "bracket.place":
    case "bracket.lift":
      return [quoted(d.passage), d.delegationId ? names.delegation(d.delegationId) : ""].filter(Boolean).join(" · ");
    case "bracket.join":
    case "bracket.withdraw":
      return [names.delegation(d.delegationId), d.lifted ? t("words.noHolderLeft") : ""].filter(Boolean).join(" · ");
    case "bracket.option":
      return [quoted(d.text), names.delegation(d.delegationId)].filter(Boolean).join(" · ");
    case "bracket.support":
      return t(d.support ? "words.supportsOption" : "words.noLongerSupportsOption", { delegation: names.delegation(d.delegationId) });
    case "bracket.agree":
      return d.optionId
        ? d.optionDelegationId
          ? t("words.optionAgreedFrom", { passage: quoted(d.passage), text: quoted(d.text), delegation: names.delegation(d.optionDelegationId) })
          : t("words.optionAgreed", { passage: quoted(d.passage), text: quoted(d.text) })
        : t("words.keptAsItStands", { passage: quoted(d.passage) });
    case "clause.status": {
      const values = { number: str(d.number), from: word(t, "clauseStatus", d.from), to: word(t, "clauseStatus", d.to) };
      return Array.isArray(d.awaiting) && d.awaiting.length > 0
        ? t("words.paragraphStatusAwaiting", { ...values, delegations: d.awaiting.map((id) => names.delegation(id)).join(t("words.separator")) })
        : t("words.paragraphStatus", values);
    }
    case "clause.confirm":
      return [names.delegation(d.delegationId), d.agreed ? t("words.everyCapitalConfirmed") : ""].filter(Boolean).join(" · ");
    case "reading.end":
      return Array.isArray(d.changes) ? t("words.readingChanges", { count: d.changes.length }) : "";
    default:
      return "";
  }
}
