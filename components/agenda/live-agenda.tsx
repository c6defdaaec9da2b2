"use client";
// The agenda as it stands right now, for everyone: each item's state and which one is on the
// floor follow the live board. The chair puts an item on the floor from here.
import Link from "next/link";
import { useTranslations } from "next-intl";
import { ErrorAlert } from "@/components/ui/alert";
import { StateBadge } from "@/components/ui/badges";
import { buttonSecondary } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { WorkshopLive } from "@/lib/protocol";
import { useWorkshopLive } from "@/lib/realtime/use-workshop-live";
import type { ActionResult } from "@/lib/action-result";
import { LiveStatusNote } from "./live-status-note";
import { useErrorText } from "@/components/i18n/use-error-text";
import { BoardProgress } from "@/components/drafting/panels/progress-summary";

export type SetCurrentItem = (proposalId: string | null) => Promise<ActionResult>;

type Props = {
  workshopId: string;
  isChair: boolean;
  initialLive: WorkshopLive;
  setCurrentItem: SetCurrentItem;
  /** The chair's "New proposal" page, when the viewer may add one. */
  newProposalHref?: string;
};

export function LiveAgenda({ workshopId, isChair, initialLive, setCurrentItem, newProposalHref }: Props) {
  const { live, status } = useWorkshopLive(workshopId, initialLive);
  const board = live ?? initialLive;
  const t = useTranslations("agenda");
  const errorText = useErrorText();
  const { run, isPending, result } = useAction();
  const error = result && !result.ok ? errorText(result) : null;
  const proposals = [...board.proposals].sort((a, b) => a.position - b.position);

  const put = (proposalId: string | null) => run(() => setCurrentItem(proposalId));

  return (
    <section aria-labelledby="agenda-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h2 id="agenda-heading" className="text-xl font-semibold">
          {t("heading")}
        </h2>
        <span className="flex flex-wrap items-center gap-3">
          <LiveStatusNote status={status} />
          {newProposalHref && (
            <Link href={newProposalHref} className={buttonSecondary}>
              {t("newProposal")}
            </Link>
          )}
        </span>
      </div>
      {error && (
        <div className="mt-3">
          <ErrorAlert>{error}</ErrorAlert>
        </div>
      )}
      <ol className="mt-4 space-y-3">
        {proposals.map((p, i) => {
          const isCurrent = p.id === board.currentProposalId;
          // On the live board: an edited summary shows at once, like the title.
          const summary = p.summary;
          return (
            <li
              key={p.id}
              aria-current={isCurrent ? "true" : undefined}
              className={`rounded-lg border bg-white p-4 shadow-sm ${isCurrent ? "border-sky-600 ring-2 ring-sky-200" : "border-slate-200"}`}
            >
              <div className="flex flex-wrap items-center gap-3">
                <span className="text-sm font-semibold text-slate-500">{t("item", { number: i + 1 })}</span>
                <StateBadge state={p.state} />
                {isCurrent && (
                  <span className="inline-flex items-center gap-1.5 rounded-full bg-sky-700 px-2.5 py-0.5 text-xs font-semibold uppercase tracking-wide text-white">
                    <span aria-hidden className="h-1.5 w-1.5 rounded-full bg-white" />
                    {t("onTheFloor")}
                  </span>
                )}
                {/* Names start with the visible words (WCAG 2.5.3, "label in name"), then say which item. */}
                {isChair && (
                  <span className="ml-auto">
                    {isCurrent ? (
                      <button type="button" className={buttonSecondary} disabled={isPending} aria-label={t("takeOffLabel", { title: p.title })} onClick={() => put(null)}>
                        {t("takeOff")}
                      </button>
                    ) : (
                      <button type="button" className={buttonSecondary} disabled={isPending} aria-label={t("putOnLabel", { title: p.title })} onClick={() => put(p.id)}>
                        {t("putOn")}
                      </button>
                    )}
                  </span>
                )}
              </div>
              <h3 className="mt-2 text-lg font-semibold leading-snug">
                <Link href={`/workshops/${workshopId}/proposals/${p.id}`} className="text-sky-800 hover:underline">
                  {p.title}
                </Link>
              </h3>
              {summary && <p className="mt-1 text-sm text-slate-600">{summary}</p>}
              {/* Reading to agreement: paragraphs agreed and brackets open, as the server last counted. */}
              <BoardProgress progress={p.progress} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
