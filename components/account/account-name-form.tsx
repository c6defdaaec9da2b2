"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ name: string }>>;

export function AccountNameForm({ action, name }: { action: Action; name: string }) {
  const t = useTranslations("account.nameForm");
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <Field label={t("label")} id="account-name" name="name" defaultValue={name} autoComplete="name" required hint={t("hint")} />
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert error={state} />}
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            {t("saved")}
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
