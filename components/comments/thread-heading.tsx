"use client";
// The head of a thread card: the quoted passage as a button that shows it in the text (struck
// through and marked when the passage was deleted, so the thread is never silently orphaned),
// then badges for a delegation-only thread and a resolved one. The button names the card.
import type { Ref } from "react";
import { useTranslations } from "next-intl";
import type { ThreadView } from "@/lib/protocol";
import { safeColour, shortQuote } from "./thread-logic";

export function ThreadHeading({
  thread,
  deleted,
  selected,
  badge,
  quoteId,
  buttonRef,
  onChoose,
}: {
  thread: ThreadView;
  deleted: boolean;
  selected: boolean;
  /** The delegation-only badge's words, if any (see visibilityBadge). */
  badge: string | null;
  quoteId: string;
  buttonRef: Ref<HTMLButtonElement>;
  onChoose: (threadId: string) => void;
}) {
  const t = useTranslations("comments");
  return (
    <div className="space-y-2">
      <button
        ref={buttonRef}
        type="button"
        id={quoteId}
        aria-current={selected || undefined}
        onClick={() => onChoose(thread.id)}
        className="block w-full rounded-md text-left hover:bg-slate-50"
      >
        {deleted ? (
          <span className="block text-sm text-slate-700">
            <span className="mr-2 inline-flex rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700">{t("heading.onDeletedText")}</span>
            <del className="font-serif">{shortQuote(thread.quote)}</del>
          </span>
        ) : (
          <span className="block border-l-4 border-amber-400 pl-2 font-serif text-base leading-snug text-slate-800" style={thread.visibility === "DELEGATION" ? { borderLeftColor: safeColour(thread.delegation?.colour) } : undefined}>
            <span className="sr-only">{t("heading.showInText")}</span>
            <q>{shortQuote(thread.quote)}</q>
          </span>
        )}
      </button>
      {(badge || thread.resolved) && (
        <p className="flex flex-wrap gap-1.5">
          {badge && (
            <span
              className="inline-flex items-center gap-1 rounded-full border bg-white px-2 py-0.5 text-xs font-semibold"
              style={{ borderColor: safeColour(thread.delegation?.colour), color: "#334155" }}
            >
              <svg aria-hidden viewBox="0 0 20 20" className="h-3.5 w-3.5 fill-current">
                <path d="M10 2a4 4 0 0 0-4 4v2H5a1 1 0 0 0-1 1v8a1 1 0 0 0 1 1h10a1 1 0 0 0 1-1V9a1 1 0 0 0-1-1h-1V6a4 4 0 0 0-4-4Zm-2 6V6a2 2 0 1 1 4 0v2H8Z" />
              </svg>
              {badge}
            </span>
          )}
          {thread.resolved && <span className="inline-flex rounded-full bg-emerald-50 px-2 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-inset ring-emerald-200">{t("heading.resolved")}</span>}
        </p>
      )}
    </div>
  );
}
