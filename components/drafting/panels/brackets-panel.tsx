"use client";
// The Brackets region: one card per bracket in text order (bracket-card.tsx), the open ones by
// default and the resolved ones under "Resolved". While focus is in the list, cards keep their
// places (a card moving under the keyboard loses focus); when an action closes the bracket being
// worked on, focus goes to the region's heading rather than to the page.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import * as Y from "yjs";
import { useTranslations } from "next-intl";
import { announce } from "@/components/ui/announce";
import { keepPlaces } from "@/components/amendments/text-order";
import type { Actor } from "@/lib/domain/amendments";
import type { ClauseStatus, ProposalState } from "@/lib/domain/vocabulary";
import type { BracketView, ClauseView } from "@/lib/protocol";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { BracketCard, type BracketAction } from "./bracket-card";
import { bracketsInTextOrder, optionNumber, type ParagraphIndex } from "./drafting-logic";
import { sendDrafting } from "./send-drafting";
import { useRefusalText } from "./use-refusal-text";
import type { DelegationBook } from "./use-delegation-tags";

type Filter = "OPEN" | "RESOLVED";

/**
 * Cards drawn at first, then this many more per "Show more": a text with 150 brackets opens as
 * fast as one with a few (each card is a small form; 150 of them cost a long task on opening),
 * and the list scrolls in text order as before.
 */
export const CARDS_PER_PAGE = 25;

type Props = {
  provider: ProposalProvider;
  brackets: readonly BracketView[];
  clauses: ReadonlyMap<string, ClauseView>;
  index: ParagraphIndex;
  book: DelegationBook;
  actor: Actor | null;
  state: ProposalState | null;
};

/** Where a bracket's passage starts within its paragraph's text (for the order), or null. */
function startOffset(doc: Y.Doc, b: BracketView): number | null {
  try {
    return Y.createAbsolutePositionFromRelativePosition(Y.decodeRelativePosition(b.from), doc)?.index ?? null;
  } catch {
    return null;
  }
}

export function BracketsPanel({ provider, brackets: latestBrackets, clauses: latestClauses, index: latestIndex, book, actor, state }: Props) {
  // The list follows the text at a lower priority: a page opening on a long bracketed text draws
  // the text, its margin and the progress first, and the cards in slices that leave the page
  // responsive (React yields between them); typing never waits for a card.
  const brackets = useDeferredValue(latestBrackets);
  const clauses = useDeferredValue(latestClauses);
  const index = useDeferredValue(latestIndex);
  const t = useTranslations("drafting.bracketsPanel");
  const refusalText = useRefusalText();
  const [filter, setFilter] = useState<Filter>("OPEN");
  const heading = useRef<HTMLHeadingElement>(null);
  const doc = provider.doc;
  // Recomputed when the brackets change or the text was read again (index).
  const ordered = useMemo(() => bracketsInTextOrder(brackets, index.unitIndex, (b) => startOffset(doc, b)), [brackets, index, doc]);
  const openCount = ordered.filter((b) => b.status === "OPEN").length;
  const resolvedCount = ordered.length - openCount;
  const shown = ordered.filter((b) => (filter === "OPEN" ? b.status === "OPEN" : b.status !== "OPEN"));

  const [limit, setLimit] = useState(CARDS_PER_PAGE);
  const [isFocusWithin, setFocusWithin] = useState(false);
  const lastOrder = useRef<string[]>([]);
  const byId = new Map(shown.map((b) => [b.id, b]));
  const allIds = isFocusWithin ? keepPlaces(lastOrder.current, [...byId.keys()]) : [...byId.keys()];
  const ids = allIds.slice(0, limit);
  const more = allIds.length - ids.length;
  useEffect(() => {
    lastOrder.current = allIds;
  });

  const act = useCallback(
    async (b: BracketView, what: BracketAction): Promise<string | null> => {
      const bracketId = b.id;
      const res =
        what.kind === "hold"
          ? await sendDrafting(provider, "bracket:hold", { bracketId, hold: what.hold })
          : what.kind === "option"
            ? await sendDrafting(provider, "bracket:option", { bracketId, text: what.text })
            : what.kind === "support"
              ? await sendDrafting(provider, "bracket:support", { bracketId, optionId: what.optionId, support: what.support })
              : what.kind === "agree"
                ? await sendDrafting(provider, "bracket:agree", { bracketId, optionId: what.optionId })
                : what.kind === "lift"
                  ? await sendDrafting(provider, "bracket:lift", { bracketId })
                  : await sendDrafting(provider, "bracket:reason", { bracketId, reason: what.reason });
      if (!res.ok) return refusalText(res);
      const said =
        what.kind === "agree"
          ? t("agreedOn", { number: optionNumber(b, what.optionId) })
          : what.kind === "lift"
            ? t("lifted")
            : what.kind === "hold"
              ? what.hold
                ? t("joined")
                : res.bracket.status === "OPEN"
                  ? t("withdrewFrom")
                  : t("withdrawn")
              : what.kind === "option"
                ? t("optionProposed", { number: res.bracket.options.length + 1 })
                : what.kind === "support"
                  ? what.support
                    ? t("supported")
                    : t("supportTakenBack")
                  : null;
      if (said) announce(said);
      return null;
    },
    [provider, t, refusalText],
  );

  const onClosed = useCallback(() => heading.current?.focus(), []);
  const myDelegationId = actor?.delegationId ?? null;

  return (
    <section aria-label={t("region")} className="min-w-0 space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm print:hidden">
      <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
        <h2 ref={heading} tabIndex={-1} className="text-base font-semibold text-slate-900 focus:outline-none focus-visible:outline-2 focus-visible:outline-sky-700">
          {t.rich("heading", { count: openCount, muted: (chunks) => <span className="font-normal text-slate-600">{chunks}</span> })}
        </h2>
        <fieldset>
          <legend className="sr-only">{t("filterLegend")}</legend>
          <div className="inline-flex rounded-md border border-slate-300 bg-slate-50 p-0.5">
            {(
              [
                ["OPEN", t("filterOpen"), openCount],
                ["RESOLVED", t("filterResolved"), resolvedCount],
              ] as const
            ).map(([value, label, count]) => (
              <label
                key={value}
                className="cursor-pointer rounded px-2.5 py-1 text-sm font-medium text-slate-700 has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-sm has-focus-visible:outline-3 has-focus-visible:outline-blue-600"
              >
                <input type="radio" name="bracket-filter" value={value} checked={filter === value} onChange={() => setFilter(value)} className="sr-only" />
                {label} <span className="tabular-nums text-slate-500">({count})</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      {ids.length === 0 ? (
        <p className="text-sm text-slate-600">
          {filter === "OPEN"
            ? actor?.role === "DELEGATE"
              ? t("emptyOpenDelegate")
              : t("emptyOpen")
            : t("emptyResolved")}
        </p>
      ) : (
        <ul
          className="max-h-[70vh] space-y-3 overflow-y-auto pr-1"
          onFocus={() => setFocusWithin(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusWithin(false);
          }}
        >
          {ids.map((id) => {
            const b = byId.get(id)!;
            const paragraph: ClauseStatus = clauses.get(b.clauseKey)?.status ?? "OPEN";
            return (
              <BracketCard
                key={id}
                bracket={b}
                actor={actor}
                state={state}
                paragraphStatus={paragraph}
                paragraph={index.number.get(b.clauseKey) ?? null}
                delegations={book.byId}
                names={book.names}
                myDelegationId={myDelegationId}
                act={act}
                onClosed={onClosed}
              />
            );
          })}
          {more > 0 && (
            <li>
              <button type="button" onClick={() => setLimit((n) => n + CARDS_PER_PAGE)} className="inline-flex min-h-9 items-center rounded-md border border-slate-300 bg-white px-3 py-1 text-sm font-medium text-slate-700 hover:bg-slate-100">
                {t("showMore", { shown: Math.min(more, CARDS_PER_PAGE), hidden: more })}
              </button>
            </li>
          )}
        </ul>
      )}
    </section>
  );
}
