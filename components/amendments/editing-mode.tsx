"use client";
// The proposal's editing mode, in the sticky bar above the text. The chair switches it ("Open
// drafting": typing changes the agreed text; "Amendments only": a delegate's typing proposes
// amendments); everyone else reads it. "Suggest" lets anyone who may type into the agreed text
// propose amendments instead, while it is pressed.
import { useId, useState } from "react";
import { useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import type { EditingMode, Role } from "@/lib/domain/vocabulary";
import type { ProposalProvider } from "@/lib/realtime/proposal-provider";
import { InlineError } from "@/components/ui/alert";

const frame = "rounded-lg border border-slate-200 bg-white/95 px-2 py-1 shadow-sm backdrop-blur";

/** The chair's switch: a radio group, live for everyone once the server has it. */
export function EditingModeControl({ provider, mode, disabled }: { provider: ProposalProvider; mode: EditingMode; disabled?: boolean }) {
  const t = useTranslations("amendments");
  const errorText = useErrorText();
  const [asked, setAsked] = useState<EditingMode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const name = useId();
  const shown = asked ?? mode;

  async function choose(next: EditingMode) {
    if (next === shown) return;
    setAsked(next);
    setError(null);
    const res = await provider.request("proposal:mode", { mode: next });
    setAsked(null);
    if (res.ok) provider.annotations.setMode(next);
    else setError(t("mode.refused", { reason: errorText(res.error) }));
  }

  return (
    <div className={`${frame} flex flex-wrap items-center gap-x-3 gap-y-1`}>
      <div role="radiogroup" aria-label={t("mode.label")} aria-busy={asked !== null || undefined} className="flex items-center gap-1 text-sm">
        <span aria-hidden className="pr-1 font-medium text-slate-600">
          {t("mode.label")}
        </span>
        {(["OPEN", "AMENDMENTS"] as const).map((m) => (
          <label
            key={m}
            className="inline-flex cursor-pointer items-center gap-1.5 rounded-md border border-transparent px-2 py-1 font-medium text-slate-700 hover:bg-slate-100 has-checked:border-sky-700 has-checked:bg-sky-50 has-checked:text-sky-950 has-focus-visible:outline-2 has-focus-visible:outline-offset-1 has-focus-visible:outline-sky-700 has-disabled:cursor-not-allowed has-disabled:opacity-60"
          >
            <input type="radio" name={name} value={m} checked={shown === m} disabled={disabled} onChange={() => void choose(m)} className="h-4 w-4 accent-sky-700" />
            {t(`mode.${m}`)}
          </label>
        ))}
      </div>
      <InlineError error={error} />
    </div>
  );
}

/** What a delegate or observer reads about the mode. */
export function EditingModeNote({ mode, role }: { mode: EditingMode; role: Role }) {
  const t = useTranslations("amendments");
  const words =
    mode === "AMENDMENTS"
      ? role === "OBSERVER"
        ? t("mode.note.amendmentsObserver")
        : t("mode.note.amendments")
      : role === "OBSERVER"
        ? t("mode.note.openObserver")
        : t("mode.note.open");
  return (
    <p className={`${frame} text-sm font-medium ${mode === "AMENDMENTS" ? "text-violet-900" : "text-slate-700"}`}>
      <span className="sr-only">{t("mode.note.prefix")}</span>
      {words}
    </p>
  );
}

/** "Suggest": while pressed, my typing proposes amendments instead of changing the agreed text. */
export function SuggestToggle({ pressed, onToggle, disabled }: { pressed: boolean; onToggle: () => void; disabled?: boolean }) {
  const t = useTranslations("amendments");
  return (
    <div className="rounded-lg border border-slate-200 bg-white/95 p-1 shadow-sm backdrop-blur">
      <button
        type="button"
        aria-pressed={pressed}
        disabled={disabled}
        title={pressed ? t("suggest.pressedTitle") : t("suggest.title")}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onToggle}
        className="inline-flex h-9 items-center gap-1.5 rounded-md px-2.5 text-sm font-medium text-slate-700 hover:bg-slate-100 disabled:cursor-not-allowed disabled:text-slate-400 aria-pressed:bg-violet-100 aria-pressed:text-violet-950"
      >
        <svg aria-hidden viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round">
          <path d="M4 20h4L19 9a2.8 2.8 0 0 0-4-4L4 16v4Z" />
          <path d="M13.5 6.5l4 4" />
        </svg>
        {t("suggest.label")}
      </button>
    </div>
  );
}
