import Link from "next/link";
import { useTranslations } from "next-intl";

/** The top of a workshop's inner pages: the workshop as a breadcrumb, then the page's title. */
export function WorkshopPageHeader({ workshop, title, children }: { workshop: { id: string; title: string }; title: string; children?: React.ReactNode }) {
  const t = useTranslations("ui");
  return (
    <div>
      <nav aria-label={t("workshopPageHeader.breadcrumb")} className="text-sm text-slate-600">
        <Link href={`/workshops/${workshop.id}`} className="hover:underline">
          {workshop.title}
        </Link>
      </nav>
      <h1 className="mt-1 text-2xl font-semibold tracking-tight">{title}</h1>
      {children}
    </div>
  );
}
