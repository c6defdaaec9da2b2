"use client";

import { useActionState } from "react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<undefined>>;

export function DelegationForm({ action }: { action: Action }) {
  const [state, formAction, isPending] = useActionState(action, null);
  return (
    <form action={formAction} className="grid gap-3 sm:grid-cols-[2fr_1fr_auto_auto] sm:items-end">
      <Field label="Delegation name" id="delegation-name" name="name" required placeholder="e.g. Singapore" />
      <Field label="Code" id="delegation-code" name="code" required placeholder="SGP" maxLength={6} />
      <div className="space-y-1">
        <label htmlFor="delegation-colour" className="block text-sm font-medium text-slate-800">
          Colour
        </label>
        <input id="delegation-colour" name="colour" type="color" defaultValue="#7c3aed" className="h-10 w-16 rounded border border-slate-300 bg-white" />
      </div>
      <button type="submit" className={buttonPrimary} disabled={isPending}>
        Add delegation
      </button>
      <div className="sm:col-span-4" aria-live="polite">
        {state && !state.ok && <ErrorAlert>{state.message}</ErrorAlert>}
      </div>
    </form>
  );
}
