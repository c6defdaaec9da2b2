import type { Metadata } from "next";
import Link from "next/link";
import { NextIntlClientProvider } from "next-intl";
import { getLocale, getTranslations } from "next-intl/server";
import "./globals.css";
import { currentUser } from "@/server/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TimeZoneDetector } from "@/components/account/time-zone-detector";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { detectTimeZoneAction, setLanguageAction } from "./account/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("layout");
  return { title: { default: "Accord", template: "%s · Accord" }, description: t("description") };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [user, locale, t] = await Promise.all([currentUser(), getLocale(), getTranslations("layout")]);
  return (
    <html lang={locale}>
      <body className="min-h-screen">
        {/* The provider hands the request's language, messages and the viewer's zone to client components. */}
        <NextIntlClientProvider>
          <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
            {t("skipToContent")}
          </a>
          <header className="border-b border-slate-200 bg-white">
            <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
              <Link href={user ? "/workshops" : "/sign-in"} className="flex items-center gap-2 text-lg font-semibold tracking-tight" lang="en">
                <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-gradient-to-br from-sky-600 to-emerald-600" />
                Accord
              </Link>
              <div className="flex flex-wrap items-center gap-3">
                {user && (
                  <nav aria-label={t("accountNav")} className="flex items-center gap-3 text-sm">
                    <Link href="/workshops" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                      {t("myWorkshops")}
                    </Link>
                    {user.isAdmin && (
                      <Link href="/admin/accounts" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                        {t("administration")}
                      </Link>
                    )}
                    <Link href="/account" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                      {t("account")}
                    </Link>
                    <span className="hidden text-slate-500 sm:inline">{user.name}</span>
                    <SignOutButton />
                  </nav>
                )}
                <LanguageSwitcher save={user ? setLanguageAction : undefined} />
              </div>
            </div>
          </header>
          {user && user.timeZone === null && <TimeZoneDetector action={detectTimeZoneAction} />}
          <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
            {children}
          </main>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
