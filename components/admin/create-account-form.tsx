"use client";

import { useActionState, useState } from "react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";
import { CopyLink } from "@/components/account/copy-link";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ email: string; path: string | null }>>;

/** An administrator creates an account with a first password, or with a link the person uses to set theirs. */
export function CreateAccountForm({ action }: { action: Action }) {
  const [state, formAction, isPending] = useActionState(action, null);
  const [setup, setSetup] = useState<"link" | "password">("link");
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <Field label="Name" id="new-account-name" name="name" autoComplete="off" required />
          <Field label="Email" id="new-account-email" name="email" type="email" autoComplete="off" required />
        </div>
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-slate-800">First password</legend>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="setup" value="link" checked={setup === "link"} onChange={() => setSetup("link")} />
            The person sets it with a one-time link (valid a day)
          </label>
          <label className="flex items-center gap-2 text-sm">
            <input type="radio" name="setup" value="password" checked={setup === "password"} onChange={() => setSetup("password")} />
            I set an initial password
          </label>
        </fieldset>
        {setup === "password" && <Field label="Initial password" id="new-account-password" name="password" type="password" autoComplete="new-password" required hint="At least 10 characters." />}
        <button type="submit" className={buttonPrimary} disabled={isPending}>
          Create account
        </button>
      </form>
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert>{state.message}</ErrorAlert>}
        {state?.ok &&
          (state.data.path ? (
            <CopyLink label={`Link for ${state.data.email} to set a password (shown once — copy it now)`} path={state.data.path} note="Works once, for one day." />
          ) : (
            <p role="status" className="text-sm text-emerald-800">
              Created {state.data.email}. Pass the initial password on in person or by another channel.
            </p>
          ))}
      </div>
    </div>
  );
}
