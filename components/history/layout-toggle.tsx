"use client";
// Inline or side by side: a pair of toggle buttons. The layout lives in the URL, so a chair can
// share or reload exactly what the room sees.
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useTransition } from "react";
import type { DiffLayout } from "./diff-view";

type Props = { layout: DiffLayout; hrefs: Record<DiffLayout, string> };

/** Each layout and its key under history's layoutToggle. */
const OPTIONS: Array<{ value: DiffLayout; key: "inline" | "side" }> = [
  { value: "inline", key: "inline" },
  { value: "side", key: "side" },
];

export function LayoutToggle({ layout, hrefs }: Props) {
  const t = useTranslations("history");
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  return (
    <div role="group" aria-label={t("layoutToggle.label")} className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 shadow-sm" aria-busy={isPending}>
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
            {t(`layoutToggle.${o.key}`)}
          </button>
        );
      })}
    </div>
  );
}
