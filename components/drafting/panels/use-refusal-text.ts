"use client";
// A drafting request's refusal in the reader's language: in English the server's sentence with
// its full stop (refusalText), as always; otherwise the error code's words (useErrorText), and our
// own words for a request that got no answer at all.
import { useCallback } from "react";
import { useLocale, useTranslations } from "next-intl";
import { useErrorText } from "@/components/i18n/use-error-text";
import { NO_ANSWER, refusalText } from "./send-drafting";

export type DraftingRefusal = { ok: false; error: { code?: string | null; message: string } };

export function useRefusalText(): (res: DraftingRefusal) => string {
  const locale = useLocale();
  const t = useTranslations("drafting.common");
  const errorText = useErrorText();
  return useCallback(
    (res: DraftingRefusal) => {
      if (locale === "en") return refusalText(res);
      if (res.error.code === "UNAVAILABLE" && res.error.message === NO_ANSWER) return t("noAnswer");
      return errorText(res.error);
    },
    [locale, t, errorText],
  );
}
