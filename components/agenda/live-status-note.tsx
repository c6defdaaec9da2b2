// Whether what the page shows is live: said quietly while it is, plainly when it is not (a
// delegate on venue Wi-Fi must know the agenda they see may be stale).
import { useTranslations } from "next-intl";
import type { LiveStatus } from "@/lib/realtime/use-workshop-live";

export function LiveStatusNote({ status }: { status: LiveStatus }) {
  const t = useTranslations("agenda.liveStatus");
  if (status === "live")
    return (
      <span className="inline-flex items-center gap-1.5 text-sm text-slate-600">
        <span aria-hidden className="h-2 w-2 rounded-full bg-emerald-500" />
        {t("live")}
      </span>
    );
  if (status === "connecting") return <span className="text-sm text-slate-500">{t("connecting")}</span>;
  return (
    <span className="inline-flex items-center gap-1.5 text-sm text-amber-800">
      <span aria-hidden className="h-2 w-2 rounded-full bg-amber-500" />
      {t("reconnecting")}
    </span>
  );
}
