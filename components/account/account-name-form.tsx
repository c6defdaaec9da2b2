"use client";

import { useActionState } from "react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ name: string }>>;

export function AccountNameForm({ action, name }: { action: Action; name: string }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-3">
      <Field label="Display name" id="account-name" name="name" defaultValue={name} autoComplete="name" required hint="How others see you in rooms, lists and the audit log." />
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert>{state.message}</ErrorAlert>}
        {state?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            Saved.
          </p>
        )}
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        Save name
      </button>
    </form>
  );
}
