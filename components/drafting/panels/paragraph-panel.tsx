"use client";
// The Paragraph region: the paragraph on the table — the one being read during a reading, else
// the one holding the caret — with its status. The chair sets it with the "Paragraph status"
// radios (sent at once; see use-status-sender.ts), chooses whose capitals must confirm an
// "Agreed ad referendum", and reopens an agreed paragraph. Everyone else reads the status and
// who still has to confirm. Below: "Awaiting your capital" for the viewer's delegation.
import { useId, useRef } from "react";
import { useTranslations } from "next-intl";
import { buttonSecondary } from "@/components/ui/field";
import type { Actor } from "@/lib/domain/amendments";
import type { ProposalState } from "@/lib/domain/vocabulary";
import type { BracketView, ClauseView } from "@/lib/protocol";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { AwaitingCapital } from "./awaiting-capital";
import { firstWords, mayReopen, maySetStatuses, paragraphPosition, statusChoices, statusSentence, toggledAwaiting, type ParagraphIndex } from "./drafting-logic";
import type { DelegationBook } from "./use-delegation-tags";
import { useStatusSender } from "./use-status-sender";
import { InlineError } from "@/components/ui/alert";
import { useDraftingWords } from "../use-drafting-words";

type Props = {
  provider: ProposalProvider;
  /** The paragraph on the table (reading or caret), or null. */
  currentKey: string | null;
  isReading: boolean;
  index: ParagraphIndex;
  clauses: ReadonlyMap<string, ClauseView>;
  brackets: readonly BracketView[];
  book: DelegationBook;
  actor: Actor | null;
  state: ProposalState | null;
};

export function ParagraphPanel({ provider, currentKey, isReading, index, clauses, brackets, book, actor, state }: Props) {
  const id = useId();
  const t = useTranslations("drafting.paragraphPanel");
  const words = useDraftingWords();
  const openRadio = useRef<HTMLInputElement>(null);
  const { pending, error, send } = useStatusSender(provider);
  const position = paragraphPosition(index, currentKey, words);
  const key = position ? currentKey : null;
  const clause = key ? (clauses.get(key) ?? null) : null;
  const isChair = maySetStatuses(actor, state);
  // What the controls show: the choice on its way, else what the server said.
  const mine = pending && pending.clauseKey === key ? pending : null;
  const status = mine?.status ?? clause?.status ?? "OPEN";
  const awaiting = mine ? mine.awaiting : (clause?.awaiting.map((a) => a.delegationId) ?? []);
  const confirmed = new Set(clause?.awaiting.filter((a) => a.confirmedAt !== null).map((a) => a.delegationId) ?? []);
  const openBrackets = key ? brackets.filter((b) => b.status === "OPEN" && b.clauseKey === key).length : 0;
  const choices = statusChoices(actor, state, openBrackets, words);
  const bracketsHintId = `${id}-brackets`;

  return (
    <section aria-label={t("region")} className="space-y-3 rounded-lg border border-slate-200 bg-white px-4 py-4 shadow-sm print:hidden">
      <h2 className="text-base font-semibold text-slate-900">{t("heading")}</h2>
      {!key ? (
        <p className="text-sm text-slate-600">
          {isReading ? t("readGone") : t("placeCaret")}
        </p>
      ) : (
        <>
          <div>
            <p className="flex flex-wrap items-baseline gap-x-2 text-lg font-semibold text-slate-900">
              <span>{position}</span>
              {isReading && <span className="text-sm font-medium text-sky-800">{t("beingRead")}</span>}
            </p>
            <p className="font-serif text-sm text-slate-700">
              <q>{firstWords(index.text.get(key) ?? "", 14)}</q>
            </p>
          </div>

          {isChair ? (
            <>
              <div role="radiogroup" aria-labelledby={`${id}-status`} className="space-y-1.5">
                <p id={`${id}-status`} className="text-sm font-medium text-slate-800">
                  {t("statusGroup")}
                </p>
                <div className="flex flex-wrap gap-1.5">
                  {choices.map((c) => (
                    <label
                      key={c.status}
                      className="inline-flex min-h-9 cursor-pointer items-center gap-2 rounded-md border border-slate-300 px-3 py-1 text-sm font-medium text-slate-800 hover:bg-slate-50 has-checked:border-sky-700 has-checked:bg-sky-50 has-checked:text-sky-950 has-disabled:cursor-not-allowed has-disabled:opacity-60 has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-sky-700"
                    >
                      <input
                        ref={c.status === "OPEN" ? openRadio : undefined}
                        type="radio"
                        name={`${id}-status`}
                        value={c.status}
                        checked={status === c.status}
                        disabled={c.disabled}
                        aria-describedby={c.disabled && openBrackets > 0 ? bracketsHintId : undefined}
                        onChange={() => void send({ clauseKey: key, status: c.status, awaiting: c.status === "AGREED_AD_REFERENDUM" ? awaiting : [] })}
                        className="h-4 w-4 accent-sky-700"
                      />
                      {c.label}
                    </label>
                  ))}
                </div>
                {openBrackets > 0 && (
                  <p id={bracketsHintId} className="text-xs text-slate-600">
                    {t("openBracketsHint", { count: openBrackets })}
                  </p>
                )}
              </div>

              {status === "AGREED_AD_REFERENDUM" && (
                <fieldset className="space-y-1.5">
                  <legend className="text-sm font-medium text-slate-800">{t("awaitingLegend")}</legend>
                  {book.all.length === 0 ? (
                    <p className="text-sm text-slate-600">{t("noDelegations")}</p>
                  ) : (
                    <ul className="flex flex-wrap gap-x-4 gap-y-1.5">
                      {book.all.map((d) => {
                        const boxId = `${id}-await-${d.id}`;
                        const checked = awaiting.includes(d.id);
                        return (
                          <li key={d.id} className="inline-flex items-center gap-2 text-sm">
                            <input
                              id={boxId}
                              type="checkbox"
                              checked={checked}
                              onChange={(e) => void send({ clauseKey: key, status: "AGREED_AD_REFERENDUM", awaiting: toggledAwaiting(awaiting, d.id, e.target.checked) })}
                              className="h-4 w-4 accent-sky-700"
                            />
                            <label htmlFor={boxId} className="font-medium" style={{ color: d.colour }}>
                              {d.name}
                            </label>
                            {checked && confirmed.has(d.id) && <span className="text-xs font-semibold text-emerald-800">{t("confirmed")}</span>}
                          </li>
                        );
                      })}
                    </ul>
                  )}
                </fieldset>
              )}

              {mayReopen(status) && (
                <button
                  type="button"
                  onClick={() => {
                    // The button goes away once reopened: focus goes to the status it sets.
                    openRadio.current?.focus();
                    void send({ clauseKey: key, status: "OPEN", awaiting: [] });
                  }}
                  className={buttonSecondary}
                >
                  {t("reopen")}
                </button>
              )}
              <InlineError error={error} />
            </>
          ) : (
            <p className="text-sm text-slate-800">
              {t.rich("status", { status: statusSentence(clause, book.names, words), label: (chunks) => <span className="font-medium text-slate-600">{chunks}</span> })}
            </p>
          )}
          {clause?.setBy && <p className="text-xs text-slate-500">{t("setBy", { name: clause.setBy.name })}</p>}
        </>
      )}
      <AwaitingCapital provider={provider} clauses={clauses} index={index} actor={actor} state={state} />
    </section>
  );
}
