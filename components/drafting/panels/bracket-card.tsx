"use client";
// One bracket in the Brackets region: the passage as option 1 and each alternative with the
// delegations supporting it, who holds the bracket and why, and what this viewer may do
// (drafting-logic.ts bracketControls). Buttons keep their exact names ("Support", "Agree on this
// option"…) and point at their option or bracket with aria-describedby. Focus stays where the
// user acted: Join/Withdraw is one button that changes its words; an action that closes the
// bracket hands focus to the region (onClosed).
import { memo, useId, useMemo, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { DelegationChip } from "@/components/ui/badges";
import { amendmentColour, CHAIR_COLOUR } from "@/components/amendments/amendment-words";
import type { BracketStatus, ClauseStatus, ProposalState } from "@/lib/domain/vocabulary";
import type { Actor } from "@/lib/domain/amendments";
import type { BracketView, DelegationTag } from "@/lib/protocol";
import { bracketControls, holdersSentence, optionNumber, resolutionSentence } from "./drafting-logic";
import { AddOption } from "./option-form";
import { ReasonForm } from "@/components/ui/reason-form";
import { InlineError } from "@/components/ui/alert";
import { useDraftingWords } from "../use-drafting-words";

export type BracketAction =
  | { kind: "hold"; hold: boolean }
  | { kind: "option"; text: string }
  | { kind: "support"; optionId: string; support: boolean }
  | { kind: "agree"; optionId: string | null }
  | { kind: "lift" }
  | { kind: "reason"; reason: string };

const STATUS_STYLE: Record<BracketStatus, string> = {
  OPEN: "bg-amber-50 text-amber-900 ring-amber-200",
  AGREED: "bg-emerald-50 text-emerald-900 ring-emerald-200",
  LIFTED: "bg-slate-100 text-slate-700 ring-slate-200",
  WITHDRAWN: "bg-slate-100 text-slate-700 ring-slate-200",
};

const action = "inline-flex min-h-9 items-center justify-center rounded-md border px-3 py-1 text-sm font-medium aria-disabled:cursor-wait aria-disabled:opacity-60";
const plain = `${action} border-slate-300 bg-white text-slate-700 hover:bg-slate-100`;
const chairAction = `${action} border-emerald-700 text-emerald-900 hover:bg-emerald-50`;

/** The parts of an option's line (drafting.bracketCard.originalOption, alternativeOption, agreedMark). */
const optionName = (chunks: ReactNode) => <span className="font-semibold">{chunks}</span>;
const muted = (chunks: ReactNode) => <span className="text-slate-600">{chunks}</span>;
const q = (chunks: ReactNode) => <q className="font-serif">{chunks}</q>;
const mark = (chunks: ReactNode) => <span className="font-semibold text-emerald-900">{chunks}</span>;

export function bracketCardDomId(bracketId: string): string {
  return `bracket-card-${bracketId}`.replace(/[^A-Za-z0-9_-]/g, "_");
}

type Props = {
  bracket: BracketView;
  /** Who is looking and where the proposal and the paragraph stand: the card works out its controls. */
  actor: Actor | null;
  state: ProposalState | null;
  paragraphStatus: ClauseStatus;
  /** The paragraph's number, or null when it is no longer in the text. */
  paragraph: number | null;
  delegations: ReadonlyMap<string, DelegationTag>;
  names: ReadonlyMap<string, string>;
  myDelegationId: string | null;
  act: (bracket: BracketView, action: BracketAction) => Promise<string | null>;
  onClosed: () => void;
};

// Memoised on plain props (no object made per render), so a change to one bracket, the caret or
// the text redraws that card, not all of them.
export const BracketCard = memo(function BracketCard({ bracket: b, actor, state, paragraphStatus, paragraph, delegations, names, myDelegationId, act, onClosed }: Props) {
  const controls = useMemo(() => bracketControls(actor, b, state, paragraphStatus), [actor, b, state, paragraphStatus]);
  const t = useTranslations("drafting.bracketCard");
  const tStatus = useTranslations("drafting.bracketStatus");
  const words = useDraftingWords();
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const colour = amendmentColour(b.delegation);
  const isOpen = b.status === "OPEN";
  const passageId = `${id}-passage`;
  const optionId = (n: number) => `${id}-option-${n}`;
  const holds = myDelegationId !== null && b.holders.includes(myDelegationId);
  const resolution = resolutionSentence(b, words);
  const agreedNumber = b.status === "AGREED" ? optionNumber(b, b.agreedOptionId) : null;

  async function run(what: BracketAction, closes = false): Promise<string | null> {
    if (busy) return null;
    setBusy(true);
    setError(null);
    const refused = await act(b, what);
    setBusy(false);
    if (refused) setError(refused);
    else if (closes) onClosed();
    return refused;
  }

  const agreeButton = (chosen: string | null, n: number) =>
    controls.agree && (
      <button type="button" aria-disabled={busy || undefined} aria-describedby={optionId(n)} onClick={() => void run({ kind: "agree", optionId: chosen }, true)} className={chairAction}>
        {t("agree")}
      </button>
    );

  return (
    <li
      id={bracketCardDomId(b.id)}
      className={`space-y-2 rounded-lg border border-slate-200 px-3 py-3 shadow-sm ${isOpen ? "bg-white" : "bg-slate-50"}`}
      style={{ borderLeftColor: colour, borderLeftWidth: 4 }}
    >
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-600">
        {b.delegation ? <DelegationChip name={b.delegation.name} code={b.delegation.code} colour={colour} /> : <DelegationChip name={t("chair")} colour={CHAIR_COLOUR} />}
        <span className="font-medium text-slate-800">{b.placedBy.name}</span>
        <span>{paragraph ? t("paragraph", { number: paragraph }) : t("paragraphGone")}</span>
        <span className={`ml-auto inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${STATUS_STYLE[b.status]}`}>{tStatus(b.status)}</span>
      </div>

      <p id={passageId} className="font-serif text-base leading-snug text-slate-900">
        {t.rich(paragraph ? "passage" : "passageNoParagraph", {
          number: paragraph ?? 0,
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
          passage: () => (
            <>
              <span aria-hidden className="font-sans font-semibold" style={{ color: colour }}>
                [
              </span>
              {b.passage}
              <span aria-hidden className="font-sans font-semibold" style={{ color: colour }}>
                ]
              </span>
            </>
          ),
        })}
      </p>

      {isOpen ? (
        <p className="text-sm text-slate-700">{holdersSentence(b.holders, names, words)}</p>
      ) : (
        resolution && <p className="text-sm font-medium text-slate-800">{resolution}</p>
      )}

      {controls.reason ? (
        <ReasonForm key={b.id} saved={b.reason ?? ""} describedBy={passageId} placeholder={t("reasonPlaceholder")} onSave={(reason) => run({ kind: "reason", reason })} />
      ) : (
        b.reason && (
          <p className="text-sm text-slate-700">{t.rich("reason", { reason: b.reason, label: (chunks) => <span className="font-medium text-slate-600">{chunks}</span> })}</p>
        )
      )}

      <ol aria-label={t("options")} className="space-y-2">
        <li className={`space-y-1.5 rounded-md border px-2.5 py-2 ${agreedNumber === 1 ? "border-emerald-300 bg-emerald-50" : "border-slate-200"}`}>
          <p id={optionId(1)} className="text-sm text-slate-800">
            {t.rich("originalOption", { passage: b.passage, name: optionName, muted, q })}
            {agreedNumber === 1 && t.rich("agreedMark", { mark })}
          </p>
          {isOpen && agreeButton(null, 1)}
        </li>
        {b.options.map((o, i) => {
          const n = i + 2;
          const supports = myDelegationId !== null && o.supporters.includes(myDelegationId);
          return (
            <li key={o.id} className={`space-y-1.5 rounded-md border px-2.5 py-2 ${agreedNumber === n ? "border-emerald-300 bg-emerald-50" : "border-slate-200"}`}>
              <p id={optionId(n)} className="text-sm text-slate-800">
                {t.rich("alternativeOption", { number: n, text: o.text, name: optionName, q })}
                {agreedNumber === n && t.rich("agreedMark", { mark })}
              </p>
              {o.supporters.length > 0 && (
                <p className="flex flex-wrap items-center gap-1.5 text-xs text-slate-600">
                  <span>{t("supportedBy")}</span>
                  {o.supporters.map((d) => {
                    const tag = delegations.get(d);
                    return <DelegationChip key={d} name={tag?.name ?? t("unknownDelegation")} code={tag?.code} colour={amendmentColour(tag)} />;
                  })}
                </p>
              )}
              {isOpen && (controls.support || controls.agree) && (
                <div className="flex flex-wrap gap-2">
                  {controls.support && (
                    <button
                      type="button"
                      aria-pressed={supports}
                      aria-disabled={busy || undefined}
                      aria-describedby={optionId(n)}
                      // Pressed again: the delegation takes its support back.
                      onClick={() => void run({ kind: "support", optionId: o.id, support: !supports })}
                      className={`${plain} aria-pressed:border-emerald-700 aria-pressed:bg-emerald-50 aria-pressed:text-emerald-900`}
                    >
                      {t("support")}
                    </button>
                  )}
                  {agreeButton(o.id, n)}
                </div>
              )}
            </li>
          );
        })}
      </ol>

      {isOpen && (controls.join || controls.withdraw || controls.addOption || controls.lift) && (
        <div className="flex flex-wrap items-start gap-2">
          {(controls.join || controls.withdraw) && (
            // One button whose words change, so focus stays on it after joining or withdrawing.
            <button
              type="button"
              aria-disabled={busy || undefined}
              aria-describedby={passageId}
              onClick={() => void run({ kind: "hold", hold: !holds }, holds && b.holders.length === 1)}
              className={plain}
            >
              {holds ? t("withdraw") : t("join")}
            </button>
          )}
          {controls.addOption && <AddOption describedBy={passageId} onPropose={(text) => run({ kind: "option", text })} />}
          {controls.lift && (
            <button type="button" aria-disabled={busy || undefined} aria-describedby={passageId} onClick={() => void run({ kind: "lift" }, true)} className={`${plain} ml-auto`}>
              {t("lift")}
            </button>
          )}
        </div>
      )}

      <InlineError error={error} />
    </li>
  );
});
