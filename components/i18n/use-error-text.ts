"use client";
// A refusal from the server, in the reader's language. The server speaks English and names every
// refusal by a code of its one error table (lib/errors.ts); the catalogues word each code
// (messages/<locale>/errors.json). In English the server's own sentence is shown as before (it is
// often more specific than the code's). In another language the code's sentence is shown, and a
// more specific English detail, when there is one, follows it in brackets rather than being lost.
import { useLocale, useTranslations } from "next-intl";
import { useCallback } from "react";
import { ERRORS } from "@/lib/errors";

export type ServerError = { code?: string | null; message: string };

export function useErrorText(): (error: ServerError) => string {
  const locale = useLocale();
  const t = useTranslations("errors");
  return useCallback(
    (error: ServerError) => {
      if (locale === "en" || !error.code || !t.has(error.code)) return error.message;
      const generic = ERRORS[error.code as keyof typeof ERRORS]?.message;
      const words = t(error.code);
      return error.message && error.message !== generic ? `${words} (${error.message})` : words;
    },
    [locale, t],
  );
}
