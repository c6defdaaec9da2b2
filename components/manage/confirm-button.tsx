"use client";
// A destructive button with a confirm step in place: the first press asks, in words, what will
// happen; the second (the same label, now in red) does it. Focus follows the question and comes
// back to the first button on "Cancel" or Escape, so keyboard users never lose their place.
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { buttonSecondary } from "@/components/ui/field";

const buttonDanger =
  "inline-flex items-center justify-center rounded-md bg-red-700 px-3 py-1.5 text-sm font-semibold text-white shadow-sm hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-60";

export function ConfirmButton({ label, question, isPending, onConfirm }: { label: string; question: string; isPending: boolean; onConfirm: () => void }) {
  const t = useTranslations("manage.confirm");
  const [isAsking, setAsking] = useState(false);
  const confirm = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  // Only after the person acted: never steal focus on the first render.
  const hasActed = useRef(false);

  useEffect(() => {
    if (!hasActed.current) return;
    (isAsking ? confirm : start).current?.focus();
  }, [isAsking]);

  const ask = (next: boolean) => {
    hasActed.current = true;
    setAsking(next);
  };

  if (!isAsking) {
    return (
      <button ref={start} type="button" className={buttonSecondary} disabled={isPending} onClick={() => ask(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2" onKeyDown={(e) => e.key === "Escape" && ask(false)}>
      <span className="text-sm text-slate-700">{question}</span>
      {/* aria-disabled while it runs: a refusal is read out with focus still here. */}
      <button ref={confirm} type="button" className={`${buttonDanger} aria-disabled:opacity-60`} aria-disabled={isPending} onClick={() => !isPending && onConfirm()}>
        {label}
      </button>
      <button type="button" className={buttonSecondary} onClick={() => ask(false)}>
        {t("cancel")}
      </button>
    </span>
  );
}
