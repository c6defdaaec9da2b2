import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { timeZoneChoices } from "@/lib/domain/time-zone";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { assertMayCreateWorkshop } from "@/server/services/people/instance-access";
import { WorkshopDetailsForm } from "@/components/workshops/workshop-details-form";
import { createWorkshopAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workshops.new");
  return { title: t("title") };
}

export default async function NewWorkshopPage() {
  const user = await requireUser("/workshops/new");
  // Only those the instance lets create workshops see the form (403 otherwise); creating checks again.
  await guardPage(assertMayCreateWorkshop(db(), user.id));
  const t = await getTranslations("workshops.new");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <nav aria-label={t("breadcrumb")} className="text-sm text-slate-600">
          <Link href="/workshops" className="hover:underline">
            {t("myWorkshops")}
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-2 text-slate-600">{t("intro")}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <WorkshopDetailsForm
          idPrefix="new-workshop"
          action={createWorkshopAction}
          initial={{ title: "", description: "", timeZone: "UTC", defaultVoteRule: "CONSENSUS", defaultQuorum: 1 }}
          zones={timeZoneChoices()}
          preferBrowserZone
          submitLabel={t("submit")}
          pendingLabel={t("pending")}
        />
      </div>
    </div>
  );
}
