"use client";
// "Language": the interface language, from every page. A visitor's choice is kept in a cookie;
// a signed-in member's on the account too, so it follows them to every device. The page is
// re-rendered in the new language at once (same URL: links work in every language).
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useId, useTransition } from "react";
import { LOCALE_COOKIE, LOCALE_NAMES, LOCALES, isLocale, type Locale } from "@/lib/i18n/locales";

type Props = {
  /** Saves the choice on the account (signed in); absent for visitors. */
  save?: (locale: string) => Promise<{ ok: boolean }>;
};

const YEAR_SECONDS = 365 * 24 * 3600;

export function LanguageSwitcher({ save }: Props) {
  const t = useTranslations("layout");
  const locale = useLocale();
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const id = useId();
  function choose(next: Locale) {
    document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=${YEAR_SECONDS}; samesite=lax`;
    startTransition(async () => {
      if (save) await save(next);
      router.refresh();
    });
  }
  return (
    <div className="flex items-center gap-1.5 text-sm">
      <label htmlFor={id} className="text-slate-600">
        {t("language")}
      </label>
      <select
        id={id}
        value={locale}
        disabled={isPending}
        onChange={(e) => isLocale(e.target.value) && choose(e.target.value)}
        className="rounded border border-slate-300 bg-white px-1.5 py-1 text-sm text-slate-800 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-sky-700"
      >
        {LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </div>
  );
}
