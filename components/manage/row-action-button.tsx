"use client";

import { useTransition, useState } from "react";
import { buttonSecondary } from "@/components/ui/field";
import type { ActionResult } from "@/lib/action-result";

/** A button that runs a bound server action and reports its error next to it. */
export function RowActionButton({ label, action, children }: { label: string; action: () => Promise<ActionResult<unknown>>; children: React.ReactNode }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={label}
        className={buttonSecondary}
        disabled={isPending}
        onClick={() =>
          startTransition(async () => {
            const r = await action();
            setError(r.ok ? null : r.error);
          })
        }
      >
        {children}
      </button>
      {error && (
        <span role="alert" className="text-sm text-red-700">
          {error}
        </span>
      )}
    </span>
  );
}
