"use client";
// The Open / Resolved / All choice above the thread list: radio buttons styled as a segmented
// control, so it is one tab stop and the arrow keys move between the choices.
import { useTranslations } from "next-intl";
import { THREAD_FILTERS, type ThreadFilter } from "./thread-logic";

export function ThreadFilterChoice({ filter, counts, onChange }: { filter: ThreadFilter; counts: Record<ThreadFilter, number>; onChange: (filter: ThreadFilter) => void }) {
  const t = useTranslations("comments");
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{t("filter.legend")}</legend>
      <div className="inline-flex rounded-md border border-slate-300 bg-slate-50 p-0.5">
        {THREAD_FILTERS.map((f) => (
          <label
            key={f}
            className="cursor-pointer rounded px-2.5 py-1 text-sm font-medium text-slate-700 has-checked:bg-white has-checked:text-slate-900 has-checked:shadow-sm has-focus-visible:outline-3 has-focus-visible:outline-blue-600"
          >
            <input type="radio" name="comment-thread-filter" value={f} checked={filter === f} onChange={() => onChange(f)} className="sr-only" />
            {t.rich(`filter.${f}`, { count: counts[f], muted: (chunks) => <span className="tabular-nums text-slate-500">{chunks}</span> })}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
