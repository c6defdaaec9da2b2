// The interface languages and how one is chosen for a request: the account's setting, else the
// language the browser asks for (Accept-Language, by its q-values), else English. Pure.

export const LOCALES = ["en", "zh-CN", "ja", "ko"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words: what the "Language" switcher lists. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文", ja: "日本語", ko: "한국어" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The interface language for a language tag, if we have one: zh-* is Simplified Chinese (the only Chinese we have). */
export function localeForTag(tag: string): Locale | null {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  switch (primary) {
    case "en":
      return "en";
    case "zh":
      return "zh-CN";
    case "ja":
      return "ja";
    case "ko":
      return "ko";
    default:
      return null;
  }
}

/** Longer than any honest header; a longer one is read only this far. */
const MAX_HEADER = 1000;

/** The best of our languages for an Accept-Language header ("ja-JP,ja;q=0.9,en;q=0.8"), or null. */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const wanted = acceptLanguage
    .slice(0, MAX_HEADER)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { tag, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((w) => w.tag !== "" && w.tag !== "*" && w.weight > 0)
    // Highest weight first; equal weights keep the browser's order.
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  for (const w of wanted) {
    const locale = localeForTag(w.tag);
    if (locale) return locale;
  }
  return null;
}

/** The account's choice, else a signed-out visitor's choice (cookie), else the browser's, else English. */
export function resolveLocale(opts: { account: string | null | undefined; cookie: string | null | undefined; acceptLanguage: string | null | undefined }): Locale {
  if (isLocale(opts.account)) return opts.account;
  if (isLocale(opts.cookie)) return opts.cookie;
  return negotiateLocale(opts.acceptLanguage) ?? DEFAULT_LOCALE;
}

/** The cookie that keeps a visitor's choice (and a signed-in member's, for the sign-in page after signing out). */
export const LOCALE_COOKIE = "accord-locale";
