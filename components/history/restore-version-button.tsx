"use client";
// Restoring changes the live text for everyone in the room, so it takes two deliberate steps:
// the button opens a confirmation that says so, and only its own button restores.
import Link from "next/link";
import { useState } from "react";
import { buttonPrimary, buttonSecondary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";

type Props = {
  versionTitle: string;
  proposalPath: string;
  action: () => Promise<ActionResult<{ number: number }>>;
};

export function RestoreVersionButton({ versionTitle, proposalPath, action }: Props) {
  const [isConfirming, setConfirming] = useState(false);
  const { run, isPending, result, error, reset } = useAction<{ number: number }>();

  const restore = () => run(action, () => setConfirming(false));

  return (
    <div className="space-y-3">
      {!isConfirming && (
        <button type="button" className={buttonSecondary} onClick={() => {
            reset();
            setConfirming(true);
          }}>
          Restore this version
        </button>
      )}
      {isConfirming && (
        <div role="group" aria-label="Confirm restore" className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
          <p className="text-sm text-amber-950">
            Restore <strong>{versionTitle}</strong>? The live text changes for everyone in the room at once. Nothing is lost: the current text stays in the
            history.
          </p>
          <div className="flex flex-wrap gap-2">
            {/* Focus moves to the decision just opened, for keyboard and screen-reader users. */}
            <button type="button" className={buttonPrimary} onClick={restore} disabled={isPending} autoFocus>
              {isPending ? "Restoring…" : "Confirm restore"}
            </button>
            <button type="button" className={buttonSecondary} onClick={() => setConfirming(false)} disabled={isPending}>
              Cancel
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite">
        {error && <ErrorAlert>{error}</ErrorAlert>}
        {result?.ok && (
          <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
            Restored as version {result.data.number}.{" "}
            <Link href={proposalPath} className="font-medium underline">
              Open the live text
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
