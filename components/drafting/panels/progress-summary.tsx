"use client";
// The progress summary — "12 of 18 paragraphs agreed, 5 brackets open: China 2, Japan 1, ASEAN 2"
// (lib/domain/drafting.ts progressSentence). On the proposal page it is counted live from the
// tab's own text, statuses and brackets; on the workshop board each agenda item shows the
// server's count (WorkshopLive proposals[].progress).
import { useId, useLayoutEffect, useMemo } from "react";
import { useTranslations } from "next-intl";
import { markDraftingRendered } from "../render-mark";
import { progressOf, type Progress } from "@/lib/domain/drafting";
import type { ClauseStatus } from "@/lib/domain/vocabulary";
import type { BracketView, ClauseView } from "@/lib/protocol";

type Props = { keys: readonly string[]; clauses: ReadonlyMap<string, ClauseView>; brackets: readonly BracketView[] };

/** progressSentence (lib/domain/drafting.ts) in the reader's language: "12 of 18 paragraphs agreed, 5 brackets open: China 2, Japan 1, ASEAN 2". */
function useProgressSentence(): (p: Progress) => string {
  const t = useTranslations("drafting");
  return useMemo(() => {
    return (p: Progress) => {
      const values = { agreed: p.agreed, total: p.paragraphs, adReferendum: p.adReferendum };
      const paragraphs = t(p.adReferendum > 0 ? "progress.agreedAdReferendum" : "progress.agreed", values);
      if (p.openBrackets === 0) return t("progress.noBrackets", { paragraphs });
      // progressOf counts a bracket the chair placed under "Chair" (no delegation): worded here.
      const byDelegation = p.bracketsBy.map((b) => t("progress.byDelegation", { name: b.name === "Chair" ? t("bracketCard.chair") : b.name, count: b.count })).join(t("common.listSeparator"));
      return t("progress.brackets", { paragraphs, count: p.openBrackets, byDelegation });
    };
  }, [t]);
}

export function ProgressSummary({ keys, clauses, brackets }: Props) {
  const id = useId();
  const t = useTranslations("drafting.progress");
  const progressSentence = useProgressSentence();
  const sentence = useMemo(() => {
    const statuses = new Map<string, ClauseStatus>([...clauses].map(([k, c]) => [k, c.status]));
    const open = brackets.filter((b) => b.status === "OPEN").map((b) => ({ delegationName: b.delegation?.name ?? null }));
    return progressSentence(progressOf(keys, statuses, open));
  }, [keys, clauses, brackets, progressSentence]);
  // Counted on the loaded text (benchmark mark, once per page).
  useLayoutEffect(() => {
    if (keys.length > 0) markDraftingRendered("progress");
  }, [keys]);
  return (
    <div className="rounded-lg border border-slate-200 bg-white px-4 py-3 shadow-sm print:hidden">
      <h2 id={`${id}-label`} className="text-sm font-semibold text-slate-600">
        {t("heading")}
      </h2>
      <p role="status" aria-labelledby={`${id}-label`} className="mt-0.5 text-base text-slate-900">
        {sentence}
      </p>
    </div>
  );
}

/** One agenda item's progress on the workshop board; nothing until a status or bracket exists. */
export function BoardProgress({ progress }: { progress: Progress | null }) {
  const t = useTranslations("drafting.progress");
  const progressSentence = useProgressSentence();
  if (!progress) return null;
  return (
    <p className="mt-1 text-sm text-slate-700">
      {t.rich("board", { summary: progressSentence(progress), label: (chunks) => <span className="font-medium text-slate-600">{chunks}</span> })}
    </p>
  );
}
