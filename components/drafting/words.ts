// The drafting workflow's words (messages/<locale>/drafting.json), for the helpers that put a
// bracket, a status or a reading into words outside React: the panels' logic, the margin and the
// bracket glyphs drawn inside the text. Components pass the reader's words (use-drafting-words.ts);
// the English ones are the default, so the helpers read as they always did where none are given.
import { createTranslator } from "next-intl";
import en from "@/messages/en/drafting.json";

/** A translator for the `drafting` namespace (next-intl's `useTranslations("drafting")` is one). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

export type DraftingWords = {
  locale: string;
  t: Translate;
  /** "China, Japan and ASEAN" in the reader's language. */
  list: (items: readonly string[]) => string;
};

/**
 * A conjunction list in the language's own way. English keeps the interface's wording, without
 * the serial comma ("China, Japan and ASEAN"), as British usage (and the text before) has it.
 */
export function conjunctionList(locale: string): (items: readonly string[]) => string {
  const format = new Intl.ListFormat(locale === "en" ? "en-GB" : locale, { type: "conjunction" });
  return (items) => format.format(items);
}

export function draftingWords(locale: string, t: Translate): DraftingWords {
  return { locale, t, list: conjunctionList(locale) };
}

export const ENGLISH_WORDS: DraftingWords = draftingWords("en", createTranslator({ locale: "en", messages: { drafting: en }, namespace: "drafting" }) as Translate);

/** Names one after the other ("China, Japan"), with the language's separator. */
export function joined(words: DraftingWords, items: readonly string[]): string {
  return items.join(words.t("common.listSeparator"));
}
