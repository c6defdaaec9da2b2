"use client";
// "Clean text" / "Bracketed text": which reading of the text the card shows. A pair of toggle
// buttons (aria-pressed), Bracketed text first and the default; the buttons stay mounted when
// the view switches, so focus stays on the one pressed.
import { useTranslations } from "next-intl";

export type TextView = "bracketed" | "clean";

/** Each view's words: drafting.textView.<label> and <hint>. */
const VIEWS: { view: TextView; label: string; hint: string }[] = [
  { view: "bracketed", label: "bracketed", hint: "bracketedHint" },
  { view: "clean", label: "clean", hint: "cleanHint" },
];

type Props = { view: TextView; onChange?: (view: TextView) => void; disabled?: boolean };

export function TextViewToggle({ view, onChange, disabled = false }: Props) {
  const t = useTranslations("drafting.textView");
  return (
    <div role="group" aria-label={t("group")} className="inline-flex rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm print:hidden">
      {VIEWS.map((v) => (
        <button
          key={v.view}
          type="button"
          aria-pressed={view === v.view}
          title={t(v.hint)}
          disabled={disabled}
          onClick={() => onChange?.(v.view)}
          className="inline-flex h-9 items-center rounded-md px-3 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 disabled:hover:bg-transparent aria-pressed:bg-sky-100 aria-pressed:text-sky-900"
        >
          {t(v.label)}
        </button>
      ))}
    </div>
  );
}
