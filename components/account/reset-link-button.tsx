"use client";

import { useId } from "react";
import { useTimeZone, useTranslations } from "next-intl";
import { buttonSecondary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { LocalTime } from "@/components/ui/local-time";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";
import { DEFAULT_TIME_ZONE } from "@/lib/time/time-format";
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
  const t = useTranslations("account.resetLink");
  // The viewer's zone (the account's, from the request), so the expiry reads as every other time.
  const zone = useTimeZone() ?? DEFAULT_TIME_ZONE;
  const { run, isPending, result, error } = useAction<ResetLink>();
  const describedBy = useId();
  const create = action ?? (() => createMemberResetLinkAction(workshopId, userId));
  return (
    <div className="space-y-2">
      <span id={describedBy} className="sr-only">
        {t("forName", { name })}
      </span>
      <button type="button" className={buttonSecondary} aria-describedby={describedBy} disabled={isPending} onClick={() => run(create)}>
        {t("create")}
      </button>
      <div aria-live="polite">
        {error && <ErrorAlert>{error}</ErrorAlert>}
        {result?.ok && (
          <CopyLink
            label={t("linkLabel", { name })}
            path={result.data.path}
            note={t.rich("note", { name, until: () => <LocalTime at={result.data.expiresAt} zone={zone} /> })}
          />
        )}
      </div>
    </div>
  );
}
