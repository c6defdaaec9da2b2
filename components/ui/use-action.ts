"use client";
// Runs server actions from buttons: one pending flag for a group of buttons (all disabled while
// any of them runs) and the last answer, whose message is what the alert shows. Forms use React's
// useActionState instead (it works before the page's script has loaded).
//
// Focus after an action: a button disabled while its action runs loses focus to the page; when
// the action has answered, focus goes back to it (if it is still there) — or, with `focusResult`,
// to the element that shows the result. `announce` says the result in a polite live region.
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";
import { useErrorText } from "@/components/i18n/use-error-text";
import { announce as say } from "./announce";

export type UseAction<T> = {
  /** Calls the action; `onSuccess` runs with its data once it answered ok. */
  run: (call: () => Promise<ActionResult<T>>, onSuccess?: (data: T) => void) => void;
  isPending: boolean;
  /** The last answer, until the next one arrives or `reset` forgets it. */
  result: ActionResult<T> | null;
  /** The last answer's refusal, worded in the reader's language (useErrorText). */
  error: string | null;
  reset: () => void;
};

export type UseActionOptions<T> = {
  /**
   * The element that shows the result (a status line, the new record): focused once the action
   * answered ok. It may render only after the answer; it is looked for over a few frames. Give
   * it tabIndex={-1} when it is not a control.
   */
  focusResult?: () => HTMLElement | null;
  /** Words for screen readers once the action answered ok ("Drafting locked."), already translated. */
  announce?: (data: T) => string | null;
};

/** How many frames to wait for a result element that renders after the answer. */
const FOCUS_FRAMES = 30;

function focusWhenThere(find: () => HTMLElement | null, framesLeft = FOCUS_FRAMES): void {
  const el = find();
  if (el && el.isConnected) {
    el.focus();
    return;
  }
  if (framesLeft > 0) requestAnimationFrame(() => focusWhenThere(find, framesLeft - 1));
}

/** Focus that fell to the page (its button was disabled or re-rendered) goes back to the control. */
function restoreFocus(previous: Element | null, framesLeft = 10): void {
  if (!(previous instanceof HTMLElement)) return;
  requestAnimationFrame(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (!lost || !previous.isConnected) return;
    // The button is enabled again once React has committed the answer: wait for that.
    if ((previous as HTMLButtonElement).disabled) {
      if (framesLeft > 0) restoreFocus(previous, framesLeft - 1);
      return;
    }
    previous.focus();
  });
}

export function useAction<T = unknown>(options: UseActionOptions<T> = {}): UseAction<T> {
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const errorText = useErrorText();
  const run: UseAction<T>["run"] = (call, onSuccess) => {
    const started = typeof document === "undefined" ? null : document.activeElement;
    startTransition(async () => {
      const r = await call();
      setResult(r);
      if (r.ok) onSuccess?.(r.data);
      if (typeof document === "undefined") return;
      if (r.ok && options.focusResult) focusWhenThere(options.focusResult);
      else restoreFocus(started);
      const words = r.ok ? options.announce?.(r.data) : null;
      if (words) say(words);
    });
  };
  return { run, isPending, result, error: result && !result.ok ? errorText(result) : null, reset: () => setResult(null) };
}
