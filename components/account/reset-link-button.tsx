"use client";

import { useId } from "react";
import { buttonSecondary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";
import { createMemberResetLinkAction } from "@/app/workshops/[workshopId]/reset-link-actions";
import { CopyLink } from "./copy-link";

type ResetLink = { path: string; expiresAt: string };

/**
 * "Create reset link" for one account: a one-time link (valid a day) that lets the person set a
 * new password, shown once to copy and pass on. In a workshop (Manage → a member's row) it is a
 * chair's; `action` replaces it elsewhere (the administrators' Accounts page).
 */
export function ResetLinkButton({
  workshopId,
  userId,
  name,
  action,
}: {
  workshopId: string;
  userId: string;
  name: string;
  action?: () => Promise<ActionResult<ResetLink>>;
}) {
  const { run, isPending, result, error } = useAction<ResetLink>();
  const describedBy = useId();
  const create = action ?? (() => createMemberResetLinkAction(workshopId, userId));
  return (
    <div className="space-y-2">
      <span id={describedBy} className="sr-only">
        for {name}
      </span>
      <button type="button" className={buttonSecondary} aria-describedby={describedBy} disabled={isPending} onClick={() => run(create)}>
        Create reset link
      </button>
      <div aria-live="polite">
        {error && <ErrorAlert>{error}</ErrorAlert>}
        {result?.ok && (
          <CopyLink
            label={`Password-reset link for ${name} (shown once — copy it now)`}
            path={result.data.path}
            note={`Works once, until ${new Date(result.data.expiresAt).toLocaleString()}. Setting a new password with it signs ${name} out everywhere.`}
          />
        )}
      </div>
    </div>
  );
}
