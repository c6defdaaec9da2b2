"use client";
// "Awaiting your capital": the paragraphs the chair agreed ad referendum that still wait for the
// viewer's delegation, each with "Confirm for my capital" (described by the paragraph's number
// and first words, so its name stays exact). A confirmed item leaves the list; focus moves to
// the next item's button, or to the list's heading when none is left.
import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { buttonPrimary } from "@/components/ui/field";
import { announce } from "@/components/ui/announce";
import type { Actor } from "@/lib/domain/amendments";
import type { ProposalState } from "@/lib/domain/vocabulary";
import type { ClauseView } from "@/lib/protocol";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { awaitingMyCapital, type ParagraphIndex } from "./drafting-logic";
import { sendDrafting } from "./send-drafting";
import { useRefusalText } from "./use-refusal-text";
import { InlineError } from "@/components/ui/alert";

type Props = {
  provider: ProposalProvider;
  clauses: ReadonlyMap<string, ClauseView>;
  index: ParagraphIndex;
  actor: Actor | null;
  state: ProposalState | null;
};

/** Confirmation is open while the text is not decided (the access table's clause.confirm). */
const CONFIRM_STATES: readonly ProposalState[] = ["DRAFTING", "LOCKED", "VOTING"];

export function AwaitingCapital({ provider, clauses, index, actor, state }: Props) {
  const id = useId();
  const t = useTranslations("drafting.awaitingCapital");
  const refusalText = useRefusalText();
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const [busyKey, setBusyKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  // Once something was confirmed here, the heading stays (with "nothing awaits") to hold focus.
  const [hasConfirmed, setHasConfirmed] = useState(false);
  const mayConfirm = actor?.role === "DELEGATE" && state !== null && CONFIRM_STATES.includes(state);
  const pending = mayConfirm ? awaitingMyCapital(clauses.values(), actor.delegationId, index) : [];
  if (pending.length === 0 && !error && !hasConfirmed) return null;

  async function confirm(key: string, at: number) {
    if (busyKey) return;
    setBusyKey(key);
    setError(null);
    const res = await sendDrafting(provider, "clause:confirm", { clauseKey: key });
    setBusyKey(null);
    if (!res.ok) {
      setError(refusalText(res));
      return;
    }
    setHasConfirmed(true);
    announce(t("confirmed", { number: pending[at]?.number ?? "" }));
    // After the list has redrawn without it.
    requestAnimationFrame(() => {
      const buttons = list.current?.querySelectorAll<HTMLButtonElement>("button");
      const next = buttons?.[Math.min(at, buttons.length - 1)];
      (next ?? heading.current)?.focus();
    });
  }

  return (
    <div className="space-y-2 border-t border-slate-200 pt-3">
      <h3 ref={heading} id={`${id}-heading`} tabIndex={-1} className="text-sm font-semibold text-slate-900 focus:outline-none focus-visible:outline-2 focus-visible:outline-sky-700">
        {t("heading")}
      </h3>
      {pending.length === 0 ? (
        <p className="text-sm text-slate-600">{t("nothing")}</p>
      ) : (
        <ul ref={list} aria-labelledby={`${id}-heading`} className="space-y-2">
          {pending.map((p, i) => (
            <li key={p.key} className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-2.5 py-2">
              <span id={`${id}-p-${i}`} className="min-w-0 flex-1 text-sm text-slate-800">
                <span className="font-semibold">
                  {t.rich("number", {
                    number: p.number,
                    hidden: (chunks) => <span aria-hidden>{chunks}</span>,
                    sr: (chunks) => <span className="sr-only">{chunks}</span>,
                  })}
                </span> <q className="font-serif">{p.words}</q>
              </span>
              <button type="button" aria-disabled={busyKey !== null || undefined} aria-describedby={`${id}-p-${i}`} onClick={() => void confirm(p.key, i)} className={buttonPrimary}>
                {t("confirm")}
              </button>
            </li>
          ))}
        </ul>
      )}
      <InlineError error={error} />
    </div>
  );
}
