"use client";

import { useState } from "react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionFailure, ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string }>>;

/** Sets the new password with the link, then signs in with it (the link is used up either way). */
export function ResetPasswordForm({ action }: { action: Action }) {
  const t = useTranslations("account.resetPassword");
  const [error, setError] = useState<ActionFailure | null>(null);
  const [isPending, setPending] = useState(false);
  const [isDoneButSignedOut, setDoneButSignedOut] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const result = await action(null, form);
    if (!result.ok) {
      setPending(false);
      setError(result);
      return;
    }
    const signedIn = await signIn("credentials", { email: result.data.email, password: String(form.get("newPassword")), redirect: false });
    if (signedIn && !signedIn.error) {
      window.location.assign("/workshops");
      return;
    }
    setPending(false);
    setDoneButSignedOut(true);
  }

  if (isDoneButSignedOut) {
    return (
      <p role="status" className="text-slate-700">
        {t.rich("done", {
          link: (chunks) => (
            <Link href="/sign-in" className="text-sky-700 underline">
              {chunks}
            </Link>
          ),
        })}
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t("new")} id="reset-new-password" name="newPassword" type="password" autoComplete="new-password" required hint={t("newHint")} />
      {error && <ErrorAlert error={error} />}
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={isPending}>
        {t("submit")}
      </button>
    </form>
  );
}
