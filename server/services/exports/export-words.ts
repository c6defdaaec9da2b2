// The words exported files add around the text (subtitles, hash labels, the outcome record's
// headings), in the reader's interface language: the `exportFiles` catalogue, outside React.
import { createTranslator } from "next-intl";
import { DEFAULT_LOCALE, isLocale, type Locale } from "../../../lib/i18n/locales.ts";
import { loadMessages } from "../../../lib/i18n/messages.ts";
import type { ExportWords } from "../../../lib/export/model.ts";

export type ExportTranslator = ((key: string, values?: Record<string, string | number>) => string) & { locale: Locale; words: ExportWords };

export function exportTranslator(locale: string | undefined): ExportTranslator {
  const l: Locale = isLocale(locale) ? locale : DEFAULT_LOCALE;
  const t = createTranslator({ locale: l, messages: loadMessages(l), namespace: "exportFiles" }) as unknown as (key: string, values?: Record<string, string | number>) => string;
  const translate = ((key: string, values?: Record<string, string | number>) => t(key, values)) as ExportTranslator;
  translate.locale = l;
  translate.words = { page: t("page"), of: t("of"), comments: t("comments") };
  return translate;
}
