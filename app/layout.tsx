import type { Metadata } from "next";
import Link from "next/link";
import "./globals.css";
import { currentUser } from "@/server/auth/session";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { TimeZoneDetector } from "@/components/account/time-zone-detector";
import { detectTimeZoneAction } from "./account/actions";

export const metadata: Metadata = {
  title: { default: "Accord", template: "%s · Accord" },
  description: "Co-draft policy texts across delegations, and decide on the exact text.",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <html lang="en">
      <body className="min-h-screen">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3 sm:px-6">
            <Link href={user ? "/workshops" : "/sign-in"} className="flex items-center gap-2 text-lg font-semibold tracking-tight">
              <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-gradient-to-br from-sky-600 to-emerald-600" />
              Accord
            </Link>
            {user && (
              <nav aria-label="Account" className="flex items-center gap-3 text-sm">
                <Link href="/workshops" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                  My workshops
                </Link>
                {user.isAdmin && (
                  <Link href="/admin/accounts" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                    Administration
                  </Link>
                )}
                <Link href="/account" className="rounded px-2 py-1 text-slate-700 hover:bg-slate-100">
                  Account
                </Link>
                <span className="hidden text-slate-500 sm:inline">{user.name}</span>
                <SignOutButton />
              </nav>
            )}
          </div>
        </header>
        {user && user.timeZone === null && <TimeZoneDetector action={detectTimeZoneAction} />}
        <main id="main" className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
          {children}
        </main>
      </body>
    </html>
  );
}
