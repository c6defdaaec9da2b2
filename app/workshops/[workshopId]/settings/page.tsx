import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { timeZoneChoices } from "@/lib/domain/time-zone";
import { isAppError } from "@/lib/errors";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getWorkshopSettings } from "@/server/services/workshop/get-workshop-settings";
import { CardSection } from "@/components/ui/card-section";
import { WorkshopPageHeader } from "@/components/ui/workshop-page-header";
import { ArchiveWorkshop } from "@/components/workshops/archive-workshop";
import { WorkshopDetailsForm } from "@/components/workshops/workshop-details-form";
import { archiveWorkshopAction, editWorkshopDetailsAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("settings");
  return { title: t("title") };
}

export default async function WorkshopSettingsPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const user = await requireUser(`/workshops/${workshopId}/settings`);
  const workshopPath = `/workshops/${workshopId}`;
  // A chair only (403 for others, 404 for non-members); once archived there is nothing to
  // change, and the workshop page says so.
  const settings = await guardPage(
    getWorkshopSettings({ db: db(), userId: user.id, workshopId }).catch((e: unknown) => {
      if (isAppError(e) && e.code === "ARCHIVED") redirect(workshopPath);
      throw e;
    }),
  );

  const t = await getTranslations("settings");
  return (
    <div className="space-y-10">
      <WorkshopPageHeader workshop={settings} title={t("title")} />

      <CardSection id="details-heading" title={t("details")} intro={t("detailsIntro")} className="max-w-2xl">
        <div className="mt-4">
          <WorkshopDetailsForm
            idPrefix="workshop-details"
            action={editWorkshopDetailsAction.bind(null, settings.id)}
            initial={settings}
            outcomeForObservers={settings.outcomeForObservers}
            zones={timeZoneChoices(settings.timeZone)}
            submitLabel={t("save")}
            pendingLabel={t("saving")}
            savedMessage={t("saved")}
          />
        </div>
      </CardSection>

      <CardSection
        id="archive-heading"
        title={t("archive")}
        intro={t("archiveIntro")}
        tone="danger"
        className="max-w-2xl"
      >
        <div className="mt-4">
          <ArchiveWorkshop workshopPath={workshopPath} archive={archiveWorkshopAction.bind(null, settings.id)} />
        </div>
      </CardSection>
    </div>
  );
}
