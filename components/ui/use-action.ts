"use client";
// Runs server actions from buttons: one pending flag for a group of buttons (all disabled while
// any of them runs) and the last answer, whose message is what the alert shows. Forms use React's
// useActionState instead (it works before the page's script has loaded).
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

export type UseAction<T> = {
  /** Calls the action; `onSuccess` runs with its data once it answered ok. */
  run: (call: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) => void;
  isPending: boolean;
  /** The last answer, until the next one arrives or `reset` forgets it. */
  result: ActionResult<T> | null;
  /** The last answer's message when it was a refusal. */
  error: string | null;
  reset: () => void;
};

export function useAction<T = unknown>(): UseAction<T> {
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const run: UseAction<T>["run"] = (call, onSuccess) =>
    startTransition(async () => {
      const r = await call();
      setResult(r);
      if (r.ok) onSuccess?.(r.data);
    });
  return { run, isPending, result, error: result && !result.ok ? result.message : null, reset: () => setResult(null) };
}
