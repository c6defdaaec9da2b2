"use client";

import { useErrorText } from "@/components/i18n/use-error-text";
import { buttonSecondary } from "@/components/ui/field";
import { useAction } from "@/components/ui/use-action";
import type { ActionResult } from "@/lib/action-result";

/** A button that runs a bound server action and reports its error next to it. */
type Props = {
  label: string;
  action: () => Promise<ActionResult<unknown>>;
  children: React.ReactNode;
  /** Nothing to do from here (e.g. "Up" on the first item); the button keeps its name. */
  disabled?: boolean;
};

export function RowActionButton({ label, action, children, disabled = false }: Props) {
  const { run, isPending, result } = useAction();
  const errorText = useErrorText();
  const error = result && !result.ok ? errorText(result) : null;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        aria-label={label}
        className={buttonSecondary}
        disabled={disabled || isPending}
        onClick={() => run(action)}
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
