"use client";
// Inline or side by side: a pair of toggle buttons. The layout lives in the URL, so a chair can
// share or reload exactly what the room sees.
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import type { DiffLayout } from "./diff-view";

type Props = { layout: DiffLayout; hrefs: Record<DiffLayout, string> };

const OPTIONS: Array<{ value: DiffLayout; label: string }> = [
  { value: "inline", label: "Inline" },
  { value: "side", label: "Side by side" },
];

export function LayoutToggle({ layout, hrefs }: Props) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <div role="group" aria-label="Layout" className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm" aria-busy={isPending}>
      {OPTIONS.map((o) => {
        const isPressed = o.value === layout;
        return (
          <button
            key={o.value}
            type="button"
            aria-pressed={isPressed}
            onClick={() => !isPressed && startTransition(() => router.replace(hrefs[o.value], { scroll: false }))}
            className={`rounded px-3 py-1.5 text-sm font-medium ${isPressed ? "bg-slate-800 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {o.label}
          </button>
        );
      })}
    </div>
  );
}
