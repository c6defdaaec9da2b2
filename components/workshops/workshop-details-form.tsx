"use client";
// A workshop's details — title, description, the venue's time zone and the vote defaults — for
// "New workshop" and "Edit details". The server checks everything and names the field at fault
// ("Time zone: …"); that field is then marked invalid, described by the message and focused.
// Controlled fields, so what was typed survives a refusal.
import { useActionState, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { LabelledControl, buttonPrimary, fieldAtFault, fieldControl } from "@/components/ui/field";
import { RULE_HINT, RULE_LABEL, type Rule } from "@/components/votes/vote-words";
import type { ActionResult } from "@/lib/action-result";
import { isIanaZone } from "@/lib/domain/time-zone";

export type WorkshopDetailsValues = { title: string; description: string; timeZone: string; defaultVoteRule: Rule; defaultQuorum: number };
type FieldName = keyof WorkshopDetailsValues;
/** As typed: a number field may be empty or half-typed. */
type Draft = Omit<WorkshopDetailsValues, "defaultQuorum"> & { defaultQuorum: string };

/** The labels are the controls' accessible names and the prefixes of the server's messages. */
const LABEL: Record<FieldName, string> = {
  title: "Title",
  description: "Description",
  timeZone: "Time zone",
  defaultVoteRule: "Default vote rule",
  defaultQuorum: "Default quorum",
};
const RULES = Object.keys(RULE_LABEL) as Rule[];

type Props = {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<unknown>>;
  initial: WorkshopDetailsValues;
  /** The zones offered (the server's list, so server and browser render the same options). */
  zones: string[];
  submitLabel: string;
  pendingLabel: string;
  /** Said once the action answered ok and the page stays (editing). */
  savedMessage?: string;
  /** A new workshop starts in this browser's zone, most often the venue's. */
  preferBrowserZone?: boolean;
  idPrefix: string;
  /** "Edit details": whether observers may download the outcome record (the box is left out when undefined). */
  outcomeForObservers?: boolean;
};

export function WorkshopDetailsForm({ action, initial, zones, submitLabel, pendingLabel, savedMessage, preferBrowserZone, idPrefix, outcomeForObservers }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [draft, setDraft] = useState<Draft>({ ...initial, defaultQuorum: String(initial.defaultQuorum) });
  const [zoneOptions, setZoneOptions] = useState(zones);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>>>({});
  const errorId = `${idPrefix}-error`;
  const fault = state && !state.ok ? fieldAtFault(state.message, LABEL) : null;

  useEffect(() => {
    if (!preferBrowserZone) return;
    const mine = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!mine || !isIanaZone(mine)) return;
    setZoneOptions((list) => (list.includes(mine) ? list : [list[0]!, mine, ...list.slice(1)]));
    setDraft((prev) => (prev.timeZone === initial.timeZone ? { ...prev, timeZone: mine } : prev));
  }, [preferBrowserZone, initial.timeZone]);

  // Keyboard and screen-reader users land on the field to fix.
  useEffect(() => {
    if (fault) refs.current[fault]?.focus();
  }, [state, fault]);

  /** What every control gets: id, name, value, its label's hint and, when at fault, the message. */
  function bind<F extends FieldName>(f: F, hint: boolean) {
    const id = `${idPrefix}-${f}`;
    return {
      id,
      name: f,
      value: draft[f],
      ref: (el: HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null) => {
        refs.current[f] = el;
      },
      onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) => setDraft((prev) => ({ ...prev, [f]: e.target.value })),
      "aria-invalid": fault === f ? true : undefined,
      "aria-describedby": [hint ? `${id}-hint` : null, fault === f ? errorId : null].filter(Boolean).join(" ") || undefined,
      className: fieldControl,
    };
  }
  const idOf = (f: FieldName) => `${idPrefix}-${f}`;

  return (
    <form action={formAction} className="space-y-5">
      <LabelledControl id={idOf("title")} label={LABEL.title}>
        <input type="text" required maxLength={200} {...bind("title", false)} />
      </LabelledControl>
      <LabelledControl id={idOf("description")} label={LABEL.description} hint="What the workshop is about, shown under its title. Optional.">
        <textarea rows={4} maxLength={2000} {...bind("description", true)} />
      </LabelledControl>
      <LabelledControl id={idOf("timeZone")} label={LABEL.timeZone} hint="Where the workshop meets. Everyone still sees times in their own zone.">
        <select {...bind("timeZone", true)}>
          {zoneOptions.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </LabelledControl>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Every vote starts from these</legend>
        <LabelledControl id={idOf("defaultVoteRule")} label={LABEL.defaultVoteRule} hint={RULE_HINT[draft.defaultVoteRule]}>
          <select {...bind("defaultVoteRule", true)}>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {RULE_LABEL[r]}
              </option>
            ))}
          </select>
        </LabelledControl>
        <LabelledControl
          id={idOf("defaultQuorum")}
          label={LABEL.defaultQuorum}
          hint="Ballots a vote needs to count. The chair can still change the rule and quorum for each vote."
        >
          <input type="number" inputMode="numeric" required min={1} max={200} step={1} {...bind("defaultQuorum", true)} />
        </LabelledControl>
      </fieldset>
      {outcomeForObservers !== undefined && (
        <div className="flex items-start gap-2">
          <input
            type="checkbox"
            id={`${idPrefix}-outcomeForObservers`}
            name="outcomeForObservers"
            className="mt-0.5 h-4 w-4 shrink-0"
            // Uncontrolled: React resets a form after its action, and a controlled checkbox would
            // then show the box as first rendered; the saved value comes back as the new default
            // (the key remounts the box when it changes).
            key={String(outcomeForObservers)}
            defaultChecked={outcomeForObservers}
            aria-describedby={`${idPrefix}-outcomeForObservers-hint`}
          />
          <div className="space-y-1">
            <label htmlFor={`${idPrefix}-outcomeForObservers`} className="block text-sm font-medium text-slate-800">
              Observers may download the outcome record
            </label>
            <p id={`${idPrefix}-outcomeForObservers-hint`} className="text-xs text-slate-500">
              The chair and delegates always may. The record lists every proposal’s final state, its text and the votes.
            </p>
          </div>
        </div>
      )}
      <div aria-live="polite" className="space-y-2">
        {state && !state.ok && (
          <div id={errorId}>
            <ErrorAlert>{state.message}</ErrorAlert>
          </div>
        )}
        {state?.ok && savedMessage && (
          <p role="status" className="text-sm text-emerald-800">
            {savedMessage}
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? pendingLabel : submitLabel}
      </button>
    </form>
  );
}
