"use client";

import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const t = useTranslations("account.changePassword");
  const [state, formAction, isPending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // React resets a form after its action; clear it ourselves only once the change took.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} className="space-y-3" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <Field label={t("current")} id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      <Field label={t("new")} id="new-password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} hint={t("newHint")} />
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert error={state} />}
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            {t("changed")}
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
