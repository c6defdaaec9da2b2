"use client";
// A form sent by hand rather than as a form action, so that what was typed survives a refusal
// (React resets a form after its action): the submit handler, the pending flag and the last answer.
import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/action-result";

export function useHandSentForm<T>(action: (prev: unknown, form: FormData) => Promise<ActionResult<T>>, onAnswer: (answer: ActionResult<T>) => void) {
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const [isPending, startTransition] = useTransition();

  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(async () => {
      const r = await action(null, data);
      setResult(r);
      onAnswer(r);
    });
  }

  return { result, isPending, onSubmit };
}
