"use client";
// Shown when the server takes this tab's access away while it is open: the chair removed the
// member, or every session of theirs ended (signed out everywhere, password reset). Fixed at the
// top so it is seen whatever the page; an alert, so screen readers hear it at once.
import { useEffect, useRef } from "react";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { LiveAccess } from "@/lib/realtime/access-words";

export function AccessNotice({ access }: { access: LiveAccess }) {
  const t = useTranslations("notifications");
  const pathname = usePathname();
  if (access === "member") return null;
  const isSignedOut = access === "signed-out";
  return (
    <div role="alert" className="fixed inset-x-0 top-0 z-50 border-b border-red-300 bg-red-50 px-4 py-3 text-sm text-red-900 shadow">
      <p className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-medium">{/* The words of lib/realtime/access-words.ts, in the reader's language. */}
        {isSignedOut ? t("access.signedOut") : t("access.removed")}</span>
        {isSignedOut ? (
          <Link href={`/sign-in?next=${encodeURIComponent(pathname ?? "/")}`} className="font-semibold underline">
            {t("access.signIn")}
          </Link>
        ) : (
          <Link href="/" className="font-semibold underline">
            {t("access.yourWorkshops")}
          </Link>
        )}
      </p>
    </div>
  );
}

/**
 * The member's role or delegation changed while the page was open: what the server rendered for
 * the old seat (a chair's buttons, a delegate's ballot) is rendered again for the new one.
 */
export function useRefreshOnSeatChange(seatChanges: number): void {
  const router = useRouter();
  const seen = useRef(seatChanges);
  useEffect(() => {
    // Only a rise: a fresh provider (or store) starts counting again from 0.
    const isNew = seatChanges > seen.current;
    seen.current = seatChanges;
    if (isNew) router.refresh();
  }, [seatChanges, router]);
}
