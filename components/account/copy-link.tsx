"use client";

import { useId, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { buttonSecondary } from "@/components/ui/field";

/** A link shown once (it is not stored in a form the server can show again): read-only, with Copy. */
export function CopyLink({ label, path, note }: { label: string; path: string; note?: ReactNode }) {
  const t = useTranslations("account.copyLink");
  const id = useId();
  const [isCopied, setCopied] = useState(false);
  const link = `${window.location.origin}${path}`;
  return (
    <div className="rounded-md border border-emerald-200 bg-emerald-50 p-3">
      <label htmlFor={id} className="block text-sm font-medium text-emerald-900">
        {label}
      </label>
      <div className="mt-2 flex gap-2">
        <input id={id} readOnly value={link} onFocus={(e) => e.currentTarget.select()} className="block w-full rounded border border-emerald-300 bg-white px-2 py-1 font-mono text-sm" />
        <button type="button" className={buttonSecondary} onClick={() => void navigator.clipboard?.writeText(link).then(() => setCopied(true))}>
          {isCopied ? t("copied") : t("copy")}
        </button>
      </div>
      {note && <p className="mt-2 text-xs text-emerald-900">{note}</p>}
    </div>
  );
}
