"use client";

import { useTranslations } from "next-intl";
import { buttonSecondary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";

/** Ends every other session of the account (other browsers, devices, open tabs' connections). */
export function SignOutEverywhereButton({ action }: { action: () => Promise<ActionResult> }) {
  const t = useTranslations("account.signOutEverywhere");
  const { run, isPending, result, error } = useAction();
  return (
    <div className="space-y-2">
      <button type="button" className={buttonSecondary} disabled={isPending} onClick={() => run(action)}>
        {t("button")}
      </button>
      <div aria-live="polite">
        {error && <ErrorAlert>{error}</ErrorAlert>}
        {result?.ok && (
          <p role="status" className="text-sm text-emerald-800">
            {t("done")}
          </p>
        )}
      </div>
    </div>
  );
}
