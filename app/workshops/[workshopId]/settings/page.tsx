import type { Metadata } from "next";
import { redirect } from "next/navigation";
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

export const metadata: Metadata = { title: "Workshop settings" };

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

  return (
    <div className="space-y-10">
      <WorkshopPageHeader workshop={settings} title="Workshop settings" />

      <CardSection id="details-heading" title="Details" intro="Every chair of the workshop may change these; members’ open pages update at once." className="max-w-2xl">
        <div className="mt-4">
          <WorkshopDetailsForm
            idPrefix="workshop-details"
            action={editWorkshopDetailsAction.bind(null, settings.id)}
            initial={settings}
            outcomeForObservers={settings.outcomeForObservers}
            zones={timeZoneChoices(settings.timeZone)}
            submitLabel="Save details"
            pendingLabel="Saving…"
            savedMessage="Details saved."
          />
        </div>
      </CardSection>

      <CardSection
        id="archive-heading"
        title="Archive"
        intro="When the workshop is over, archive it: it becomes a read-only record for all its members and moves to “Archived” in their list. Close or cancel any open vote first."
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
