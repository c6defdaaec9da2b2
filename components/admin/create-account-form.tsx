"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";
import { CopyLink } from "@/components/account/copy-link";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string; path: string | null }>>;

/** An administrator creates an account with a first password, or with a link the person uses to set theirs. */
export function CreateAccountForm({ action }: { action: Action }) {
  const t = useTranslations("admin.createAccount");
  const [state, formAction, isPending] = useActionState(action, null);
  const [setup, setSetup] = useState<"link" | "password">("link");
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label={t("name")} id="new-account-name" name="name" autoComplete="off" required />
          <Field label={t("email")} id="new-account-email" name="email" type="email" autoComplete="off" required />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">{t("firstPassword")}</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="setup" value="link" checked={setup === "link"} onChange={() => setSetup("link")} />
            {t("setupLink")}
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="setup" value="password" checked={setup === "password"} onChange={() => setSetup("password")} />
            {t("setupPassword")}
          </label>
        </fieldset>
        {setup === "password" && (
          <Field label={t("initialPassword")} id="new-account-password" name="password" type="password" autoComplete="new-password" required hint={t("initialPasswordHint")} />
        )}
        <button type="submit" className={buttonPrimary} disabled={isPending}>
          {t("submit")}
        </button>
      </form>
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert error={state} />}
        {state?.ok &&
          (state.data.path ? (
            <CopyLink label={t("linkLabel", { email: state.data.email })} path={state.data.path} note={t("linkNote")} />
          ) : (
            <p role="status" className="text-sm text-emerald-800">
              {t("created", { email: state.data.email })}
            </p>
          ))}
      </div>
    </div>
  );
}
