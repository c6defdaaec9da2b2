"use client";
// "Archive workshop", in two steps: archiving cannot be undone here, and it ends all drafting,
// voting and joining for everyone. Afterwards the workshop page opens, showing the archive.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { useErrorText } from "@/components/i18n/use-error-text";
import { useRouter } from "next/navigation";
import { ErrorAlert } from "@/components/ui/alert";
import { buttonSecondary } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";

const buttonDanger =
  "inline-flex items-center justify-center rounded-md bg-rose-700 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-rose-800 disabled:cursor-not-allowed disabled:opacity-60";

export function ArchiveWorkshop({ workshopPath, archive }: { workshopPath: string; archive: () => Promise<ActionResult<unknown>> }) {
  const t = useTranslations("workshops.archive");
  const errorText = useErrorText();
  const router = useRouter();
  const { run, isPending, result, reset } = useAction();
  const error = result && !result.ok ? errorText(result) : null;
  const [isConfirming, setConfirming] = useState(false);
  // Backing out of the confirmation puts focus back on the button that opened it.
  const archiveButton = useRef<HTMLButtonElement>(null);
  const isReturning = useRef(false);
  useEffect(() => {
    if (isConfirming || !isReturning.current) return;
    isReturning.current = false;
    archiveButton.current?.focus();
  }, [isConfirming]);

  if (!isConfirming) {
    return (
      <button ref={archiveButton} type="button" className={buttonSecondary} onClick={() => setConfirming(true)}>
        {t("button")}
      </button>
    );
  }
  return (
    <div role="group" aria-labelledby="archive-confirm-text" className="space-y-3 rounded-md border border-rose-300 bg-rose-50 p-4">
      <p id="archive-confirm-text" className="text-sm text-rose-950">
        {t("question")}
      </p>
      <div className="flex flex-wrap gap-2">
        {/* Focus moves to the decision just opened, for keyboard and screen-reader users. */}
        <button
          type="button"
          className={buttonDanger}
          disabled={isPending}
          autoFocus
          onClick={() =>
            run(archive, () => {
              router.push(workshopPath);
              router.refresh();
            })
          }
        >
          {isPending ? t("pending") : t("confirm")}
        </button>
        <button
          type="button"
          className={buttonSecondary}
          disabled={isPending}
          onClick={() => {
            reset();
            isReturning.current = true;
            setConfirming(false);
          }}
        >
          {t("keepOpen")}
        </button>
      </div>
      {error && <ErrorAlert>{error}</ErrorAlert>}
    </div>
  );
}
