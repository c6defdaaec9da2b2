"use client";
// Restoring changes the live text for everyone in the room, so it takes two deliberate steps:
// the button opens a confirmation that says so, and only its own button restores. A restore
// that would change agreed paragraphs is refused by the server until the chair, told how many,
// chooses "Restore anyway".
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";
import { useErrorText } from "@/components/i18n/use-error-text";

type Props = {
  versionTitle: string;
  proposalPath: string;
  /** `confirmAgreed`: the chair has been told agreed paragraphs would change, and restores anyway. */
  action: (confirmAgreed: boolean) => Promise<ActionResult<{ number: number }>>;
};

export function RestoreVersionButton({ versionTitle, proposalPath, action }: Props) {
  const t = useTranslations("history");
  const errorText = useErrorText();
  const [isConfirming, setConfirming] = useState(false);
  const { run, isPending, result, reset } = useAction<{ number: number }>();
  const error = result && !result.ok ? errorText(result) : null;

  const restore = (confirmAgreed: boolean) => run(() => action(confirmAgreed), () => setConfirming(false));
  const agreedWarning = isConfirming && result && !result.ok && result.code === "RESTORE_CHANGES_AGREED" ? errorText(result) : null;

  return (
    <div className="space-y-3">
      {!isConfirming && (
        <button type="button" className={buttonSecondary} onClick={() => {
            reset();
            setConfirming(true);
          }}>
          {t("restore.button")}
        </button>
      )}
      {isConfirming && (
        <div role="group" aria-label={t("restore.confirmGroup")} className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
          {agreedWarning !== null && (
            <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm font-medium text-red-900">
              {agreedWarning}
            </p>
          )}
          <p className="text-sm text-amber-950">
            {t.rich("restore.question", { title: versionTitle, strong: (chunks) => <strong>{chunks}</strong> })}
          </p>
          <div className="flex flex-wrap gap-2">
            {/* Focus moves to the decision just opened, for keyboard and screen-reader users. */}
            {agreedWarning === null ? (
              <button type="button" className={buttonPrimary} onClick={() => restore(false)} disabled={isPending} autoFocus>
                {isPending ? t("restore.restoring") : t("restore.confirm")}
              </button>
            ) : (
              // The second decision gets the focus, as the first did.
              <button type="button" className={buttonPrimary} onClick={() => restore(true)} disabled={isPending} autoFocus>
                {isPending ? t("restore.restoring") : t("restore.anyway")}
              </button>
            )}
            <button
              type="button"
              className={buttonSecondary}
              onClick={() => {
                reset();
                setConfirming(false);
              }}
              disabled={isPending}
            >
              {t("restore.cancel")}
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {error && agreedWarning === null && <ErrorAlert>{error}</ErrorAlert>}
        {result?.ok && (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            {t.rich("restore.restored", {
              number: result.data.number,
              link: (chunks) => (
                <Link href={proposalPath} className="font-medium underline">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        )}
      </div>
    </div>
  );
}
