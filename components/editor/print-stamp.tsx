"use client";
// On paper only: which text this is and when it was printed. The live text changes under
// everyone's hands, so a printout says the moment it was taken and the latest saved version
// (History has that version's exact text and hash).
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";
import { useViewerZone } from "@/components/ui/viewer-zone";

type Props = { latestVersion: { number: number; createdAt: Date | string } | null };

export function PrintStamp({ latestVersion }: Props) {
  const t = useTranslations("editor.printStamp");
  const zone = useViewerZone();
  // Set when the print dialog opens (and on mount, for a page printed straight away).
  const [printedAt, setPrintedAt] = useState<Date | null>(null);
  useEffect(() => {
    const stamp = () => setPrintedAt(new Date());
    stamp();
    window.addEventListener("beforeprint", stamp);
    return () => window.removeEventListener("beforeprint", stamp);
  }, []);
  return (
    <p className="hidden text-sm text-slate-700 print:block">
      {printedAt ? t.rich("livePrinted", { time: () => <LocalTime at={printedAt} zone={zone} /> }) : t("live")}
      {latestVersion && (
        <>
          {" "}
          {t.rich("latestVersion", { number: latestVersion.number, time: () => <LocalTime at={latestVersion.createdAt} zone={zone} /> })}
        </>
      )}
    </p>
  );
}
