// Brackets, paragraph statuses and readings in the order they happened, in the audit log's
// words (worded here, in the reader's language, from the `history` catalogue's draftingEvents):
// on History (the whole proposal) and on Compare (between the two versions compared).
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import type { HistoryT } from "./version-title";

/** One entry as server/services/history/drafting-events.ts lists it. */
type DraftingEvent = { id: string; action: string; actor: string; detail: Record<string, unknown>; createdAt: string };

type Props = {
  events: DraftingEvent[];
  isCut: boolean;
  delegations: ReadonlyMap<string, { name: string }>;
  zone: string;
  heading: string;
  /** Said when there is nothing to list. */
  empty: string;
};

/** The recorded action → its key under draftingEvents.action. */
const ACTION_KEYS: Record<string, string> = {
  "bracket.place": "bracketPlace",
  "bracket.join": "bracketJoin",
  "bracket.withdraw": "bracketWithdraw",
  "bracket.option": "bracketOption",
  "bracket.support": "bracketSupport",
  "bracket.agree": "bracketAgree",
  "bracket.lift": "bracketLift",
  "clause.status": "clauseStatus",
  "clause.confirm": "clauseConfirm",
  "reading.start": "readingStart",
  "reading.end": "readingEnd",
};

const CLAUSE_STATUSES = new Set(["OPEN", "AGREED_AD_REFERENDUM", "AGREED", "PARKED"]);

type Detail = Record<string, unknown>;

const str = (v: unknown) => (typeof v === "string" || typeof v === "number" ? String(v) : "");

/** What the entry says happened ("Put a passage in brackets"); an unknown action by its name. */
export function draftingActionInWords(action: string, t: HistoryT): string {
  const key = ACTION_KEYS[action];
  return key ? t(`draftingEvents.action.${key}`) : action;
}

/** The entry's details: the words as they were (the text moves on), the delegations by name. */
export function draftingDetailInWords(action: string, d: Detail, t: HistoryT, delegation: (id: unknown) => string): string {
  const quoted = (v: unknown) => (str(v) ? t("draftingEvents.quoted", { text: str(v) }) : "");
  const status = (v: unknown) => (CLAUSE_STATUSES.has(str(v)) ? t(`draftingEvents.clauseStatus.${str(v)}`) : str(v));
  const joined = (parts: string[]) => parts.filter(Boolean).join(" · ");
  switch (action) {
    case "bracket.place":
    case "bracket.lift":
      return joined([quoted(d.passage), d.delegationId ? delegation(d.delegationId) : ""]);
    case "bracket.join":
    case "bracket.withdraw":
      return joined([delegation(d.delegationId), d.lifted ? t("draftingEvents.detail.bracketLeft") : ""]);
    case "bracket.option":
      return joined([quoted(d.text), delegation(d.delegationId)]);
    case "bracket.support":
      return t(d.support ? "draftingEvents.detail.supports" : "draftingEvents.detail.noLongerSupports", { delegation: delegation(d.delegationId) });
    case "bracket.agree":
      if (!d.optionId) return t("draftingEvents.detail.keptAsItStands", { passage: quoted(d.passage) });
      return d.optionDelegationId
        ? t("draftingEvents.detail.agreedOptionBy", { passage: quoted(d.passage), text: quoted(d.text), delegation: delegation(d.optionDelegationId) })
        : t("draftingEvents.detail.agreedOption", { passage: quoted(d.passage), text: quoted(d.text) });
    case "clause.status": {
      const words = { number: str(d.number), from: status(d.from), to: status(d.to) };
      return Array.isArray(d.awaiting) && d.awaiting.length > 0
        ? t("draftingEvents.detail.statusChangeAwaiting", { ...words, delegations: d.awaiting.map((id) => delegation(id)).join(t("draftingEvents.listSeparator")) })
        : t("draftingEvents.detail.statusChange", words);
    }
    case "clause.confirm":
      return joined([delegation(d.delegationId), d.agreed ? t("draftingEvents.detail.allConfirmed") : ""]);
    case "reading.end":
      return Array.isArray(d.changes) ? t("draftingEvents.detail.readingChanges", { count: d.changes.length }) : "";
    default:
      return "";
  }
}

export function DraftingEvents({ events, isCut, delegations, zone, heading, empty }: Props) {
  const t = useTranslations("history");
  const delegation = (id: unknown) => (typeof id === "string" ? (delegations.get(id)?.name ?? t("draftingEvents.removedDelegation")) : "");
  return (
    <section aria-labelledby="drafting-events-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="drafting-events-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      {isCut && <p className="mt-1 text-sm text-slate-600">{t("draftingEvents.cut", { count: events.length })}</p>}
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ol className="mt-3 space-y-2 text-sm">
          {events.map((e) => {
            const detail = draftingDetailInWords(e.action, e.detail, t, delegation);
            return (
              <li key={e.id} className="flex flex-wrap gap-x-3 gap-y-0.5 border-l-2 border-slate-200 pl-3">
                <LocalTime at={e.createdAt} zone={zone} className="tabular-nums text-slate-600" />
                <span className="font-medium text-slate-900">{draftingActionInWords(e.action, t)}</span>
                {detail && <span className="text-slate-700">{detail}</span>}
                <span className="text-slate-600">— {e.actor}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
