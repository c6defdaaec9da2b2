"use client";

import { useActionState, useEffect, useRef } from "react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult>;

export function ChangePasswordForm({ action }: { action: Action }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  // React resets a form after its action; clear it ourselves only once the change took.
  useEffect(() => {
    if (state?.ok) formRef.current?.reset();
  }, [state]);
  return (
    <form ref={formRef} action={formAction} className="space-y-3" aria-labelledby="change-password-heading">
      <h2 id="change-password-heading" className="text-lg font-semibold">
        Change password
      </h2>
      <Field label="Current password" id="current-password" name="currentPassword" type="password" autoComplete="current-password" required />
      <Field label="New password" id="new-password" name="newPassword" type="password" autoComplete="new-password" required minLength={10} hint="At least 10 characters." />
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert>{state.message}</ErrorAlert>}
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            Password changed. Every other session of your account has been signed out; this one stays signed in.
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        Change password
      </button>
    </form>
  );
}
