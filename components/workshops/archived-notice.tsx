import { useTranslations } from "next-intl";
import { LocalTime } from "@/components/ui/local-time";

/** Said at the top of an archived workshop's page: what still works, and what no longer does. */
export function ArchivedNotice({ archivedAt, zone }: { archivedAt: Date; zone: string }) {
  const t = useTranslations("workshops.archivedNotice");
  return (
    <section aria-labelledby="archived-notice-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-amber-950">
      <h2 id="archived-notice-heading" className="font-semibold">
        {t("heading")}
      </h2>
      <p className="mt-1 text-sm">{t.rich("text", { time: () => <LocalTime at={archivedAt} zone={zone} /> })}</p>
    </section>
  );
}
