"use client";
// A workshop's details — title, description, the venue's time zone and the vote defaults — for
// "New workshop" and "Edit details". The server checks everything and names the field at fault
// ("Time zone: …"); that field is then marked invalid, described by the message and focused.
// Controlled fields, so what was typed survives a refusal.
import { useActionState, useEffect, useRef, useState } from "react";
import { ErrorAlert } from "@/components/ui/alert";
import { buttonPrimary } from "@/components/ui/field";
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
const FIELDS = Object.keys(LABEL) as FieldName[];
const RULES = Object.keys(RULE_LABEL) as Rule[];

const labelClass = "block text-sm font-medium text-slate-800";
const controlClass =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm focus:border-sky-600 aria-[invalid=true]:border-red-600 aria-[invalid=true]:ring-1 aria-[invalid=true]:ring-red-600";
const hintClass = "text-xs text-slate-500";

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
};

export function WorkshopDetailsForm({ action, initial, zones, submitLabel, pendingLabel, savedMessage, preferBrowserZone, idPrefix }: Props) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [draft, setDraft] = useState<Draft>({ ...initial, defaultQuorum: String(initial.defaultQuorum) });
  const [zoneOptions, setZoneOptions] = useState(zones);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>>>({});
  const errorId = `${idPrefix}-error`;
  const fault = state && !state.ok ? (FIELDS.find((f) => state.message.startsWith(`${LABEL[f]}:`)) ?? null) : null;

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
      className: controlClass,
    };
  }
  const idOf = (f: FieldName) => `${idPrefix}-${f}`;

  return (
    <form action={formAction} className="space-y-5">
      <div className="space-y-1">
        <label htmlFor={idOf("title")} className={labelClass}>
          {LABEL.title}
        </label>
        <input type="text" required maxLength={200} {...bind("title", false)} />
      </div>
      <div className="space-y-1">
        <label htmlFor={idOf("description")} className={labelClass}>
          {LABEL.description}
        </label>
        <textarea rows={4} maxLength={2000} {...bind("description", true)} />
        <p id={`${idOf("description")}-hint`} className={hintClass}>
          What the workshop is about, shown under its title. Optional.
        </p>
      </div>
      <div className="space-y-1">
        <label htmlFor={idOf("timeZone")} className={labelClass}>
          {LABEL.timeZone}
        </label>
        <select {...bind("timeZone", true)}>
          {zoneOptions.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id={`${idOf("timeZone")}-hint`} className={hintClass}>
          Where the workshop meets. Everyone still sees times in their own zone.
        </p>
      </div>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">Every vote starts from these</legend>
        <div className="space-y-1">
          <label htmlFor={idOf("defaultVoteRule")} className={labelClass}>
            {LABEL.defaultVoteRule}
          </label>
          <select {...bind("defaultVoteRule", true)}>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {RULE_LABEL[r]}
              </option>
            ))}
          </select>
          <p id={`${idOf("defaultVoteRule")}-hint`} className={hintClass}>
            {RULE_HINT[draft.defaultVoteRule]}
          </p>
        </div>
        <div className="space-y-1">
          <label htmlFor={idOf("defaultQuorum")} className={labelClass}>
            {LABEL.defaultQuorum}
          </label>
          <input type="number" inputMode="numeric" required min={1} max={200} step={1} {...bind("defaultQuorum", true)} />
          <p id={`${idOf("defaultQuorum")}-hint`} className={hintClass}>
            Ballots a vote needs to count. The chair can still change the rule and quorum for each vote.
          </p>
        </div>
      </fieldset>
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
