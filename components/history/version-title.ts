// "Version 7 — Rev.1": the number always, the label when the chair gave one. Used in links,
// headings and select options so a version reads the same everywhere. A vote's version is
// titled by its round and question ("Version 9 · Round 2 — Does the workshop adopt this
// text?"): every vote version's label starts "Put to the vote", which tells two rounds apart
// only at the very end of a long line. Worded by the `history` catalogue (versionTitle.*); the
// translator is the caller's `useTranslations("history")` / `getTranslations("history")`.
import { roundTitle } from "@/lib/domain/vote-outcome";

export type TitledVersion = { number: number; label: string | null; round?: { number: number; question: string } | null };

/** The `history` namespace's translator (next-intl's), or the part of it this module needs. */
export type HistoryT = (key: string, values?: Record<string, string | number>) => string;

/** The title's bold start ("Version 9 · Round 2", "Version 7") and the lighter rest (question or label), if any. */
export function versionTitleParts(v: TitledVersion, t: HistoryT): { head: string; rest: string | null } {
  if (v.round) return { head: t("versionTitle.roundHead", { number: v.number, round: v.round.number }), rest: v.round.question };
  return { head: t("versionTitle.plain", { number: v.number }), rest: v.label || null };
}

/**
 * The whole title. Without a translator it is the English title (the words the history-story
 * integration test reads); the interface always passes one.
 */
export function versionTitle(v: TitledVersion, t?: HistoryT): string {
  if (!t) {
    if (v.round) return `Version ${v.number} · ${roundTitle(v.round)}`;
    return v.label ? `Version ${v.number} — ${v.label}` : `Version ${v.number}`;
  }
  if (v.round) return t("versionTitle.round", { number: v.number, round: v.round.number, question: v.round.question });
  return v.label ? t("versionTitle.labelled", { number: v.number, label: v.label }) : t("versionTitle.plain", { number: v.number });
}
