"use client";

import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("auth");
  return (
    <button
      type="button"
      // Navigate ourselves: next-auth's own redirect uses the configured origin, which may
      // differ from the address in the browser's bar.
      onClick={async () => {
        await signOut({ redirect: false });
        window.location.assign("/sign-in");
      }}
      className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
    >
      {t("signOut")}
    </button>
  );
}
