"use client";
// The reader's drafting words (words.ts) for components and the helpers they call.
import { useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { draftingWords, type DraftingWords, type Translate } from "./words";

export function useDraftingWords(): DraftingWords {
  const locale = useLocale();
  const t = useTranslations("drafting");
  return useMemo(() => draftingWords(locale, t as Translate), [locale, t]);
}
