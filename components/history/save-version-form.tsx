"use client";
// The chair names the live text as it stands ("Chair's text Rev.1"). The server re-renders the
// list on success; the form only reports what happened. `compact`: one row above the editor on
// the proposal page, so the chair names a text without leaving it.
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";
import { useErrorText } from "@/components/i18n/use-error-text";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ number: number }>>;

export function SaveVersionForm({ action, compact = false }: { action: Action; compact?: boolean }) {
  const t = useTranslations("history");
  const errorText = useErrorText();
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label={t("saveVersion.form")} className={compact ? "flex flex-wrap items-end gap-x-3 gap-y-2" : "space-y-3"}>
      <div className={compact ? "min-w-0 flex-1 basis-56" : undefined}>
      <Field
        label={t("saveVersion.name")}
        id="version-name"
        name="label"
        required
        maxLength={120}
        placeholder={t("saveVersion.placeholder")}
        hint={compact ? undefined : t("saveVersion.hint")}
      />
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? t("saveVersion.saving") : t("saveVersion.submit")}
      </button>
      {/* While a new save runs, the previous outcome would be stale. */}
      <div aria-live="polite" hidden={isPending} className={compact ? "basis-full" : undefined}>
        {state && !state.ok && <ErrorAlert>{errorText(state)}</ErrorAlert>}
        {state?.ok && (
          <p role="status" className="text-sm font-medium text-emerald-800">
            {t("saveVersion.saved", { number: state.data.number })}
          </p>
        )}
      </div>
    </form>
  );
}
