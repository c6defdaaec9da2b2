"use client";
// A delegate casts (or changes) the delegation's ballot while the round is open. The ballot is
// the delegation's, not the person's: a colleague's later ballot replaces it, and the panel
// shows whatever stands now (for a secret ballot only that one stands, not which).
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import type { LiveRound } from "@/lib/protocol";
import type { ActionResult } from "@/lib/action-result";
import { BALLOT_CHOICES } from "@/lib/domain/vocabulary";
import { choiceName, type Choice } from "./vote-words";

export type CastBallot = (roundId: string, choice: Choice, explanation: string) => Promise<ActionResult>;

const CHOICES: readonly Choice[] = BALLOT_CHOICES;

const CHOICE_STYLE: Record<Choice, { idle: string; pressed: string }> = {
  YES: { idle: "border-emerald-300 text-emerald-900 hover:bg-emerald-50", pressed: "border-emerald-700 bg-emerald-700 text-white" },
  NO: { idle: "border-rose-300 text-rose-900 hover:bg-rose-50", pressed: "border-rose-700 bg-rose-700 text-white" },
  ABSTAIN: { idle: "border-slate-300 text-slate-800 hover:bg-slate-100", pressed: "border-slate-700 bg-slate-700 text-white" },
};

type Props = { round: LiveRound; delegationId: string; delegationName: string; cast: CastBallot };

export function BallotForm({ round, delegationId, delegationName, cast: castAction }: Props) {
  const own = round.ballots?.find((b) => b.delegationId === delegationId) ?? null;
  const hasVoted = round.voted.includes(delegationId);
  const [explanation, setExplanation] = useState(own?.explanation ?? "");
  const { run, isPending, result } = useAction();
  const t = useTranslations("votes.ballot");
  const r = useTranslations("voteRules");
  const errorText = useErrorText();

  const cast = (choice: Choice) => run(() => castAction(round.id, choice, explanation));

  return (
    <div role="group" aria-labelledby="ballot-heading" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <h3 id="ballot-heading" className="font-semibold">
        {t("heading", { delegation: delegationName })}
      </h3>
      <div className="flex flex-wrap gap-3">
        {CHOICES.map((c) => {
          const isPressed = own?.choice === c;
          return (
            <button
              key={c}
              type="button"
              // Pressed state only when it is known (open ballot); a secret ballot's choice is not sent.
              aria-pressed={own ? isPressed : undefined}
              disabled={isPending}
              onClick={() => cast(c)}
              className={`min-w-24 rounded-md border-2 px-5 py-2.5 text-base font-semibold disabled:opacity-60 ${isPressed ? CHOICE_STYLE[c].pressed : `bg-white ${CHOICE_STYLE[c].idle}`}`}
            >
              {choiceName(r, c)}
            </button>
          );
        })}
      </div>
      <div className="space-y-1">
        <label htmlFor={`explanation-${round.id}`} className="block text-sm font-medium text-slate-800">
          {t.rich("explanation", { optional: (chunks) => <span className="font-normal text-slate-500">{chunks}</span> })}
        </label>
        <textarea
          id={`explanation-${round.id}`}
          value={explanation}
          onChange={(e) => setExplanation(e.target.value)}
          maxLength={2000}
          rows={2}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600"
        />
      </div>
      <p className="text-sm text-slate-700" aria-live="polite">
        {isPending
          ? t("sending")
          : own
            ? t("youVoted", { choice: choiceName(r, own.choice) })
            : hasVoted
              ? t("hasVoted")
              : round.isOpenBallot
                ? t("notVotedOpen")
                : t("notVotedSecret")}
      </p>
      {result && !result.ok && <ErrorAlert>{errorText(result)}</ErrorAlert>}
    </div>
  );
}
