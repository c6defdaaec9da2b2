"use client";
// The chair puts the text, exactly as it stands, to the vote. Opening freezes the text and
// cuts a version, so the form says that before the button is pressed — and submitting only asks:
// a stray Enter in the question opens the confirmation, never the vote.
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ErrorAlert } from "@/components/ui/alert";
import { Field, buttonPrimary } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { ConfirmDialog } from "./confirm-dialog";
import { QuorumField } from "@/components/votes-quorum/quorum-field";
import { RULE_LABEL, ruleHint, ruleName, type Rule, type VoteRulesT } from "./vote-words";

export type OpenVote = (prev: unknown, form: FormData) => Promise<ActionResult>;

const RULES = Object.keys(RULE_LABEL) as Rule[];

/** The workshop's vote defaults (its "Edit details"): where the form starts. */
export type VoteDefaults = { rule: Rule; quorum: number };

export function OpenVoteForm({
  action,
  delegationCount,
  presentCount,
  defaults,
}: {
  action: OpenVote;
  delegationCount: number;
  /** Delegations present now (null while unknown): the "present when the vote opens" hint. */
  presentCount: number | null;
  defaults: VoteDefaults;
}) {
  const t = useTranslations("votes.openForm");
  const r = useTranslations("voteRules");
  const errorText = useErrorText();
  const [state, formAction, isPending] = useActionState(action, null);
  const [rule, setRule] = useState<Rule>(defaults.rule);
  // A vote cannot ask for more ballots than there are delegations.
  const quorum = Math.min(defaults.quorum, delegationCount);
  // The form as it was when the chair asked; only the dialog's confirm button sends it.
  const [pending, setPending] = useState<FormData | null>(null);
  const confirm = () => {
    if (!pending) return;
    const form = pending;
    setPending(null);
    startTransition(() => formAction(form));
  };
  return (
    <form
      aria-label={t("label")}
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        setPending(new FormData(e.currentTarget));
      }}
    >
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_11rem]">
        <Field label={t("question")} id="vote-question" name="question" defaultValue={t("defaultQuestion")} required minLength={3} maxLength={500} />
        <div className="space-y-1">
          <label htmlFor="vote-rule" className="block text-sm font-medium text-slate-800">
            {t("rule")}
          </label>
          <select
            id="vote-rule"
            name="rule"
            value={rule}
            onChange={(e) => setRule(e.target.value as Rule)}
            aria-describedby="vote-rule-hint"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600"
          >
            {RULES.map((option) => (
              <option key={option} value={option}>
                {ruleName(r, option)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <QuorumField delegationCount={delegationCount} presentCount={presentCount} defaultQuorum={quorum} />
      <p id="vote-rule-hint" className="text-sm text-slate-600">
        {t("ruleHint", { hint: ruleHint(r, rule) })}
      </p>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <button type="submit" className={buttonPrimary} disabled={isPending}>
          {isPending ? t("opening") : t("submit")}
        </button>
        <div className="flex items-center gap-2">
          <input id="vote-open-ballot" name="isOpenBallot" type="checkbox" className="h-4 w-4" aria-describedby="vote-open-ballot-hint" />
          <label htmlFor="vote-open-ballot" className="text-sm font-medium text-slate-800">
            {t("openBallot")}
          </label>
          <span id="vote-open-ballot-hint" className="text-sm text-slate-600">
            {t("openBallotHint")}
          </span>
        </div>
      </div>
      <p className="text-sm text-slate-600">{t("freezes")}</p>
      {state && !state.ok && <ErrorAlert>{errorText(state)}</ErrorAlert>}
      <ConfirmDialog
        isOpen={pending !== null}
        title={t("confirmTitle")}
        confirmLabel={t("confirmLabel")}
        backLabel={t("back")}
        isPending={isPending}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
      >
        {pending && <OpeningConsequence form={pending} delegationCount={delegationCount} r={r} />}
      </ConfirmDialog>
    </form>
  );
}

/** What opening does, with the form's own values, before anything happens. */
function OpeningConsequence({ form, delegationCount, r }: { form: FormData; delegationCount: number; r: VoteRulesT }) {
  const t = useTranslations("votes.opening");
  const rule = String(form.get("rule"));
  const quorum =
    form.get("quorumMode") === "PRESENT" ? t("quorumPresent") : t("quorumNumber", { quorum: Number(form.get("quorum")), delegations: delegationCount });
  return (
    <>
      <p>{t("question", { question: String(form.get("question") ?? "").trim() })}</p>
      <p>{t("summary", { rule: ruleName(r, rule), quorum, ballot: form.get("isOpenBallot") ? "open" : "secret", hint: ruleHint(r, rule) })}</p>
      <p>{t("freezes")}</p>
    </>
  );
}
