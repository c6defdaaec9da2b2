"use client";
// A workshop's details — title, description, the venue's time zone and the vote defaults — for
// "New workshop" and "Edit details". The server checks everything and names the field at fault
// ("Time zone: …"); that field is then marked invalid, described by the message and focused.
// Controlled fields, so what was typed survives a refusal.
import { useTranslations } from "next-intl";
import { useActionState, useEffect, useRef, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { ErrorAlert } from "@/components/ui/alert";
import { LabelledControl, buttonPrimary, fieldAtFault, fieldControl } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";
import { isIanaZone } from "@/lib/domain/time-zone";
import { VOTE_RULES, type VoteRule as Rule } from "@/lib/domain/vocabulary";

export type WorkshopDetailsValues = { title: string; description: string; timeZone: string; defaultVoteRule: Rule; defaultQuorum: number };
type FieldName = keyof WorkshopDetailsValues;
/** As typed: a number field may be empty or half-typed. */
type Draft = Omit<WorkshopDetailsValues, "defaultQuorum"> & { defaultQuorum: string };

/**
 * How the server (which speaks English) starts a message about each field ("Time zone: …"): how
 * the field at fault is found, in every language. Never shown: the labels come from the catalogue
 * (in English the same words).
 */
const SERVER_PREFIX: Record<FieldName, string> = {
  title: "Title",
  description: "Description",
  timeZone: "Time zone",
  defaultVoteRule: "Default vote rule",
  defaultQuorum: "Default quorum",
};
const RULES: readonly Rule[] = VOTE_RULES;

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
  const t = useTranslations("workshops.detailsForm");
  const errorText = useErrorText();
  const [state, formAction, isPending] = useActionState(action, null);
  const [draft, setDraft] = useState<Draft>({ ...initial, defaultQuorum: String(initial.defaultQuorum) });
  const [zoneOptions, setZoneOptions] = useState(zones);
  const refs = useRef<Partial<Record<FieldName, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null>>>({});
  const errorId = `${idPrefix}-error`;
  const fault = state && !state.ok ? fieldAtFault(state.message, SERVER_PREFIX) : null;

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
      <LabelledControl id={idOf("title")} label={t("title")}>
        <input type="text" required maxLength={200} {...bind("title", false)} />
      </LabelledControl>
      <LabelledControl id={idOf("description")} label={t("description")} hint={t("descriptionHint")}>
        <textarea rows={4} maxLength={2000} {...bind("description", true)} />
      </LabelledControl>
      <LabelledControl id={idOf("timeZone")} label={t("timeZone")} hint={t("timeZoneHint")}>
        <select {...bind("timeZone", true)}>
          {zoneOptions.map((z) => (
            <option key={z} value={z}>
              {z.replaceAll("_", " ")}
            </option>
          ))}
        </select>
      </LabelledControl>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold text-slate-800">{t("voteDefaults")}</legend>
        <LabelledControl id={idOf("defaultVoteRule")} label={t("defaultVoteRule")} hint={t(`ruleHint.${draft.defaultVoteRule}`)}>
          <select {...bind("defaultVoteRule", true)}>
            {RULES.map((r) => (
              <option key={r} value={r}>
                {t(`rule.${r}`)}
              </option>
            ))}
          </select>
        </LabelledControl>
        <LabelledControl
          id={idOf("defaultQuorum")}
          label={t("defaultQuorum")}
          hint={t("defaultQuorumHint")}
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
              {t("outcomeForObservers")}
            </label>
            <p id={`${idPrefix}-outcomeForObservers-hint`} className="text-xs text-slate-500">
              {t("outcomeForObserversHint")}
            </p>
          </div>
        </div>
      )}
      <div aria-live="polite" className="space-y-2">
        {state && !state.ok && (
          <div id={errorId}>
            <ErrorAlert>{errorText(state)}</ErrorAlert>
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
