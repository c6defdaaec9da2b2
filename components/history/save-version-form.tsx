"use client";
// The chair names the live text as it stands ("Chair's text Rev.1"). The server re-renders the
// list on success; the form only reports what happened.
import { useActionState } from "react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ number: number }>>;

export function SaveVersionForm({ action }: { action: Action }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} aria-label="Save version" className="space-y-3">
      <Field
        label="Version name"
        id="version-name"
        name="label"
        required
        maxLength={120}
        placeholder="e.g. Chair's text Rev.1"
        hint="Saves the live text as it stands now, under this name."
      />
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        {isPending ? "Saving…" : "Save version"}
      </button>
      {/* While a new save runs, the previous outcome would be stale. */}
      <div aria-live="polite" hidden={isPending}>
        {state && !state.ok && <ErrorAlert>{state.message}</ErrorAlert>}
        {state?.ok && (
          <p role="status" className="text-sm font-medium text-emerald-800">
            Saved as version {state.data.number}.
          </p>
        )}
      </div>
    </form>
  );
}
