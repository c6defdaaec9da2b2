// The sheet the text sits on, the same before and after the live editor takes over, so the
// switch from the server-rendered text to the editor does not move anything. The article's
// name is the one the read-only page always had (people and tests find the text by it).
// Clipped sideways: a caret flag near the right margin must not widen the page on a phone.
import type { ReactNode } from "react";
import { useTranslations } from "next-intl";

export function ProposalCard({ children }: { children: ReactNode }) {
  const t = useTranslations("editor");
  return (
    <article
      aria-label={t("proposalText")}
      className="overflow-x-clip rounded-lg border border-slate-200 bg-white px-5 py-6 shadow-sm focus-within:border-sky-600 focus-within:ring-2 focus-within:ring-sky-600/30 sm:px-10 sm:py-8"
    >
      <div className="mx-auto max-w-[72ch]">{children}</div>
    </article>
  );
}
