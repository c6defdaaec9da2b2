"use client";
// Says plainly when the comparison is coarser than word by word, so nobody reads a paragraph
// marked as deleted and re-inserted as every word of it having changed. Client components only
// for the server's refusal, which useErrorText puts in the reader's language.
import { useTranslations } from "next-intl";
import type { DiffLevel } from "@/lib/domain/text-diff";
import { useErrorText, type ServerError } from "@/components/i18n/use-error-text";

/** Each coarser level → its notice under proposalPages' compare. */
const LEVEL_NOTICE_KEYS: Record<Exclude<DiffLevel, "word">, "levelParagraph" | "levelWhole"> = {
  paragraph: "levelParagraph",
  whole: "levelWhole",
};

const BOX = "flex items-start gap-3 rounded-lg border px-4 py-3 text-sm";

export function CompareLevelNotice({ level }: { level: DiffLevel }) {
  const t = useTranslations("proposalPages");
  if (level === "word") return null;
  return (
    <p role="note" className={`${BOX} border-sky-200 bg-sky-50 text-sky-900`}>
      <InfoIcon />
      <span>{t(`compare.${LEVEL_NOTICE_KEYS[level]}`)}</span>
    </p>
  );
}

/** The server refused to queue one more comparison: say so, and that trying again will work. */
export function CompareBusyNotice({ error }: { error: ServerError }) {
  const errorText = useErrorText();
  return (
    <p role="alert" className={`${BOX} border-amber-300 bg-amber-50 text-amber-900`}>
      <InfoIcon />
      <span>{errorText(error)}</span>
    </p>
  );
}

function InfoIcon() {
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className="mt-0.5 h-4 w-4 shrink-0 opacity-70">
      <path fillRule="evenodd" d="M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z" clipRule="evenodd" />
    </svg>
  );
}
