// Brackets, paragraph statuses and readings in the order they happened, in the audit log's
// words: on History (the whole proposal) and on Compare (between the two versions compared).
import { actionInWords, detailInWords } from "@/app/workshops/[workshopId]/audit/audit-wording";
import { LocalTime } from "@/components/ui/local-time";

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

export function DraftingEvents({ events, isCut, delegations, zone, heading, empty }: Props) {
  const names = { delegation: (id: unknown) => (typeof id === "string" ? (delegations.get(id)?.name ?? "a removed delegation") : "") };
  return (
    <section aria-labelledby="drafting-events-heading" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="drafting-events-heading" className="text-lg font-semibold">
        {heading}
      </h2>
      {isCut && <p className="mt-1 text-sm text-slate-600">The most recent {events.length} are shown; the audit log keeps every one.</p>}
      {events.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">{empty}</p>
      ) : (
        <ol className="mt-3 space-y-2 text-sm">
          {events.map((e) => {
            const detail = detailInWords(e.action, e.detail, names);
            return (
              <li key={e.id} className="flex flex-wrap gap-x-3 gap-y-0.5 border-l-2 border-slate-200 pl-3">
                <LocalTime at={e.createdAt} zone={zone} className="tabular-nums text-slate-600" />
                <span className="font-medium text-slate-900">{actionInWords(e.action, null, e.detail, names)}</span>
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
