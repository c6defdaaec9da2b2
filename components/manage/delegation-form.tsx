"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<undefined>>;

export function DelegationForm({ action }: { action: Action }) {
  const t = useTranslations("manage.delegationForm");
  const errorText = useErrorText();
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto_auto] sm:items-end">
      <Field label={t("name")} id="delegation-name" name="name" required placeholder={t("namePlaceholder")} />
      <Field label={t("code")} id="delegation-code" name="code" required placeholder={t("codePlaceholder")} maxLength={6} />
      <div className="space-y-1">
        <label htmlFor="delegation-colour" className="block text-sm font-medium text-slate-800">
          {t("colour")}
        </label>
        <input id="delegation-colour" name="colour" type="color" defaultValue="#7c3aed" className="h-10 w-16 rounded border border-slate-300 bg-white" />
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {t("submit")}
      </button>
      <div className="sm:col-span-4" aria-live="polite">
        {state && !state.ok && <ErrorAlert>{errorText(state)}</ErrorAlert>}
      </div>
    </form>
  );
}
