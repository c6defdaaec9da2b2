"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionFailure, ActionResult } from "@/lib/action-result";

type Joined = ActionResult<{ workshopId: string }>;

/**
 * Create an account with the invite, then sign in with it and open the workshop. The button
 * stays disabled from the submit until the workshop opens (not just while the action runs), so
 * its pending state is its own rather than useAction's.
 */
export function JoinForm({ action }: { action: (prev: unknown, form: FormData) => Promise<Joined> }) {
  const t = useTranslations("auth.join");
  const [error, setError] = useState<ActionFailure | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    const result = await action(null, form);
    if (!result.ok) {
      setPending(false);
      setError(result);
      return;
    }
    await signIn("credentials", { email: String(form.get("email")), password: String(form.get("password")), redirect: false });
    window.location.assign(`/workshops/${result.data.workshopId}`);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t("name")} id="join-name" name="name" autoComplete="name" required />
      <Field label={t("email")} id="join-email" name="email" type="email" autoComplete="username" required />
      <Field label={t("password")} id="join-password" name="password" type="password" autoComplete="new-password" required hint={t("passwordHint")} />
      {error && <ErrorAlert error={error} />}
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}

export function JoinAsMeButton({ action }: { action: () => Promise<Joined> }) {
  const t = useTranslations("auth.join");
  const { run, error } = useAction<{ workshopId: string }>();
  return (
    <div className="space-y-3">
      <button
        type="button"
        className={buttonPrimary}
        onClick={() => run(action, ({ workshopId }) => window.location.assign(`/workshops/${workshopId}`))}
      >
        {t("joinAsMe")}
      </button>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </div>
  );
}
