"use client";

import { useState } from "react";
import Link from "next/link";
import { signIn } from "next-auth/react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string }>>;

/** Sets the new password with the link, then signs in with it (the link is used up either way). */
export function ResetPasswordForm({ action }: { action: Action }) {
  const [error, setError] = useState<string | null>(null);
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
      setError(result.message);
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
        Your new password is set. <Link href="/sign-in" className="text-sky-700 underline">Sign in</Link> with it.
      </p>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="New password" id="reset-new-password" name="newPassword" type="password" autoComplete="new-password" required hint="At least 10 characters." />
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={isPending}>
        Set new password
      </button>
    </form>
  );
}
