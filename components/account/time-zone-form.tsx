"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ timeZone: string }>>;

/** `zones`: every IANA zone the server accepts (it checks again). */
export function TimeZoneForm({ action, zones, current }: { action: Action; zones: string[]; current: string }) {
  const t = useTranslations("account.timeZone");
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <div className="space-y-1">
        <label htmlFor="account-time-zone" className="block text-sm font-medium text-slate-800">
          {t("label")}
        </label>
        <select id="account-time-zone" name="timeZone" defaultValue={current} aria-describedby="account-time-zone-hint" className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2">
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        <p id="account-time-zone-hint" className="text-xs text-slate-500">
          {t("hint")}
        </p>
      </div>
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert error={state} />}
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            {t("saved", { zone: state.data.timeZone.replaceAll("_", " ") })}
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
