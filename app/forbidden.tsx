import Link from "next/link";
import { getTranslations } from "next-intl/server";

export default async function Forbidden() {
  const t = await getTranslations("pages.forbidden");
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="text-2xl font-semibold">{t("heading")}</h1>
      <p className="mt-3 text-slate-600">{t("body")}</p>
      <Link href="/workshops" className="mt-6 inline-block text-sky-700 underline">
        {t("back")}
      </Link>
    </div>
  );
}
