"use client";
// "Duplicate as new draft": a new proposal at the end of the agenda, starting from this version's
// text (the version and its proposal stay as they are). Opens the new proposal once made.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { buttonSecondary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";
import { useErrorText } from "@/components/i18n/use-error-text";

type Created = { proposalId: string; workshopId: string };

export function DuplicateVersionButton({ action }: { action: () => Promise<ActionResult<Created>> }) {
  const t = useTranslations("history");
  const errorText = useErrorText();
  const router = useRouter();
  const { run, isPending, result } = useAction<Created>();
  const isOpening = result?.ok === true;
  return (
    <div className="space-y-2">
      <button
        type="button"
        className={buttonSecondary}
        disabled={isPending || isOpening}
        aria-describedby="duplicate-version-hint"
        onClick={() => run(action, ({ workshopId, proposalId }) => router.push(`/workshops/${workshopId}/proposals/${proposalId}`))}
      >
        {t("duplicate.button")}
      </button>
      <p id="duplicate-version-hint" className="text-xs text-slate-500">
        {t("duplicate.hint")}
      </p>
      <div aria-live="polite">
        {result && !result.ok && <ErrorAlert>{errorText(result)}</ErrorAlert>}
        {isOpening && (
          <p role="status" className="text-sm text-emerald-800">
            {t("duplicate.opening")}
          </p>
        )}
      </div>
    </div>
  );
}
