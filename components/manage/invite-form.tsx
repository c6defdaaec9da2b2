"use client";

import type { Role } from "@/lib/domain/vocabulary";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { Field, buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import type { ActionResult } from "@/lib/action-result";

type Action = (prev: unknown, form: FormData) => Promise<ActionResult<{ path: string }>>;

/** Every role an invite can carry, in the order the chair most often needs them. */
const ROLE_OPTIONS = ["DELEGATE", "OBSERVER", "MODERATOR"] as const satisfies readonly Role[];

export function InviteForm({ action, delegations }: { action: Action; delegations: Array<{ id: string; name: string }> }) {
  const t = useTranslations("manage.inviteForm");
  const errorText = useErrorText();
  const [state, formAction, isPending] = useActionState(action, null);
  const [role, setRole] = useState("DELEGATE");
  const [isCopied, setCopied] = useState(false);
  const link = state?.ok ? `${window.location.origin}${state.data.path}` : null;

  return (
    <div className="space-y-4">
      {/* Submitted by hand, not through `action`: React resets an action form afterwards, which
          put the role select back to its first option while the delegation stayed disabled for
          the role still chosen — the next invite was refused. A chair making several invites in
          a row keeps the choices. */}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          const data = new FormData(e.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="grid gap-3 sm:grid-cols-4 sm:items-end"
      >
        <div className="space-y-1">
          <label htmlFor="invite-role" className="block text-sm font-medium text-slate-800">
            {t("role")}
          </label>
          <select
            id="invite-role"
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          >
            {ROLE_OPTIONS.map((value) => (
              <option key={value} value={value}>
                {t(`roleOption.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1">
          <label htmlFor="invite-delegation" className="block text-sm font-medium text-slate-800">
            {t("delegation")}
          </label>
          <select
            id="invite-delegation"
            name="delegationId"
            disabled={role !== "DELEGATE"}
            className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 disabled:bg-slate-100"
          >
            {delegations.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <Field label={t("validFor")} id="invite-days" name="expiresInDays" type="number" min={1} max={30} defaultValue={7} />
        <Field label={t("uses")} id="invite-uses" name="maxUses" type="number" min={1} max={100} defaultValue={1} />
        <div className="sm:col-span-4">
          <button type="submit" className={buttonPrimary} disabled={isPending}>
            {t("submit")}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {state && !state.ok && <ErrorAlert>{errorText(state)}</ErrorAlert>}
        {link && (
          <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3">
            <label htmlFor="invite-link" className="block text-sm font-medium text-emerald-900">
              {t("link")}
            </label>
            <div className="mt-2 flex gap-2">
              <input id="invite-link" readOnly value={link} className="block w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-sm" />
              <button
                type="button"
                className={buttonSecondary}
                onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}
              >
                {isCopied ? t("copied") : t("copy")}
              </button>
            </div>
          </div>
        )}
      </div>
    </div>
  );
}
