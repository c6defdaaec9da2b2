"use client";
// The chair puts the text, exactly as it stands, to the vote. Opening freezes the text and
// cuts a version, so the form says that before the button is pressed.
import { useActionState, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { Field, buttonPrimary } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { RULE_HINT, RULE_LABEL, type Rule } from "./vote-words";

export type OpenVote = (prev: unknown, form: FormData) => Promise<ActionResult>;

const RULES = Object.keys(RULE_LABEL) as Rule[];
const DEFAULT_QUESTION = "Does the workshop adopt this text?";

/** The workshop's vote defaults (its "Edit details"): where the form starts. */
export type VoteDefaults = { rule: Rule; quorum: number };

export function OpenVoteForm({ action, delegationCount, defaults }: { action: OpenVote; delegationCount: number; defaults: VoteDefaults }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [rule, setRule] = useState<Rule>(defaults.rule);
  // A vote cannot ask for more ballots than there are delegations.
  const quorum = Math.min(defaults.quorum, delegationCount);
  return (
    <form action={formAction} aria-label="Open vote" className="space-y-3">
      <div className="grid gap-3 md:grid-cols-[minmax(0,1fr)_11rem_7rem]">
        <Field label="Question" id="vote-question" name="question" defaultValue={DEFAULT_QUESTION} required minLength={3} maxLength={500} />
        <div className="space-y-1">
          <label htmlFor="vote-rule" className="block text-sm font-medium text-slate-800">
            Rule
          </label>
          <select
            id="vote-rule"
            name="rule"
            value={rule}
            onChange={(e) => setRule(e.target.value as Rule)}
            aria-describedby="vote-rule-hint"
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600"
          >
            {RULES.map((r) => (
              <option key={r} value={r}>
                {RULE_LABEL[r]}
              </option>
            ))}
          </select>
        </div>
        <Field label="Quorum" id="vote-quorum" name="quorum" type="number" min={0} max={delegationCount} defaultValue={quorum} required inputMode="numeric" />
      </div>
      <p id="vote-rule-hint" className="text-sm text-slate-600">
        {RULE_HINT[rule]} Abstentions count towards the quorum only.
      </p>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <button type="submit" className={buttonPrimary} disabled={isPending}>
          {isPending ? "Opening…" : "Open vote"}
        </button>
        <div className="flex items-center gap-2">
          <input id="vote-open-ballot" name="isOpenBallot" type="checkbox" className="h-4 w-4" aria-describedby="vote-open-ballot-hint" />
          <label htmlFor="vote-open-ballot" className="text-sm font-medium text-slate-800">
            Open ballot
          </label>
          <span id="vote-open-ballot-hint" className="text-sm text-slate-600">
            (show how each delegation voted while the vote is open)
          </span>
        </div>
      </div>
      <p className="text-sm text-slate-600">Opening the vote freezes the text and saves it as a new version; the ballots are about exactly that version.</p>
      {state && !state.ok && <ErrorAlert>{state.message}</ErrorAlert>}
    </form>
  );
}
