import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getWorkshopOverview } from "@/server/services/workshop/get-workshop-overview";
import { getWorkshopLive } from "@/server/services/workshop/get-workshop-live";
import { DelegationChip, RoleBadge } from "@/components/ui/badges";
import { buttonSecondary } from "@/components/ui/field";
import { can } from "@/lib/domain/access";
import { FollowChair } from "@/components/agenda/follow-chair";
import { LiveAgenda } from "@/components/agenda/live-agenda";
import { SpeakingQueue } from "@/components/floor/speaking-queue";
import { VoteReminder } from "@/components/notifications/vote-reminder";
import { WorkshopNotifications } from "./workshop-notifications";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";
import { ArchivedNotice } from "@/components/workshops/archived-notice";
import { DemoInstanceNotice } from "@/app/demo-notice";
import { WorkshopDetailsRefresh } from "@/components/workshops/workshop-details-refresh";
import { AttendanceCount, AttendanceMark } from "@/components/attendance/attendance";
import { DownloadMenu } from "@/components/exports/download-menu";
import { endFloorAction, giveFloorAction, requestFloorAction, setCurrentItemAction, withdrawFloorAction } from "./decision-actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workshops.overview");
  return { title: t("title") };
}

type Params = { params: Promise<{ workshopId: string }> };

export default async function WorkshopPage({ params }: Params) {
  const { workshopId } = await params;
  const user = await requireUser(`/workshops/${workshopId}`);
  const view = await guardPage(getWorkshopOverview({ db: db(), userId: user.id, workshopId }));
  const { workshop, delegations, members, proposals, viewer } = view;
  // Membership is checked above; the board is the first paint until the socket takes over.
  const live = await getWorkshopLive(db(), workshopId, new Date());
  const delegationById = new Map(delegations.map((d) => [d.id, d]));
  const myDelegation = viewer.delegationId ? delegationById.get(viewer.delegationId) : undefined;
  const isChair = viewer.role === "MODERATOR";
  // Archived: read-only for everyone, so nothing that would change it is offered.
  const isArchived = workshop.archivedAt !== null;
  // The chair and delegates always; observers when the chair allows it (the server checks too).
  const t = await getTranslations("workshops.overview");
  const mayDownloadOutcome = viewer.role !== "OBSERVER" || workshop.outcomeForObservers;

  return (
    <div className="space-y-8">
      <WorkshopDetailsRefresh workshopId={workshop.id} initialLive={live} />
      <DemoInstanceNotice />
      <VoteReminder workshopId={workshop.id} viewer={{ role: viewer.role, delegationId: viewer.delegationId }} initialLive={live} />
      {workshop.archivedAt && <ArchivedNotice archivedAt={workshop.archivedAt} zone={await viewerTimeZone()} />}
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="min-w-[min(100%,20rem)] max-w-3xl flex-1">
          <h1 className="text-3xl font-semibold tracking-tight">{workshop.title}</h1>
          <p className="mt-3 text-slate-600">{workshop.description}</p>
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            {t.rich("takePartAs", { role: () => <RoleBadge role={viewer.role} /> })}
            {myDelegation && <DelegationChip name={myDelegation.name} code={myDelegation.code} colour={myDelegation.colour} />}
          </p>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          {!isChair && <FollowChair workshopId={workshop.id} initialLive={live} />}
          <WorkshopNotifications workshopId={workshop.id} />
          {mayDownloadOutcome && (
            <DownloadMenu
              label={t("outcomeRecord")}
              title={t("outcomeRecordTitle")}
              target={{ kind: "outcome", workshopId: workshop.id }}
              note={t("outcomeRecordNote")}
            />
          )}
          {isChair && (
            <>
              <Link href={`/workshops/${workshop.id}/audit`} className={buttonSecondary}>
                {t("auditLog")}
              </Link>
              {!isArchived && (
                <>
                  <Link href={`/workshops/${workshop.id}/settings`} className={buttonSecondary}>
                    {t("editDetails")}
                  </Link>
                  <Link href={`/workshops/${workshop.id}/manage`} className={buttonSecondary}>
                    {t("manage")}
                  </Link>
                </>
              )}
            </>
          )}
        </div>
      </div>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <LiveAgenda
          workshopId={workshop.id}
          isChair={isChair && !isArchived}
          initialLive={live}
          newProposalHref={can(viewer.role, "proposal.create", undefined, { archived: isArchived }) ? `/workshops/${workshop.id}/proposals/new` : undefined}
          setCurrentItem={setCurrentItemAction.bind(null, workshop.id)}
        />

        <aside className="space-y-8">
          {/* Archiving empties the queue, and nobody takes the floor in an archived workshop. */}
          {!isArchived && (
            <SpeakingQueue
              workshopId={workshop.id}
              viewer={{ userId: user.id, role: viewer.role }}
              initialLive={live}
              actions={{
                request: requestFloorAction.bind(null, workshop.id),
                withdraw: withdrawFloorAction.bind(null, workshop.id),
                give: giveFloorAction.bind(null, workshop.id),
                end: endFloorAction.bind(null, workshop.id),
              }}
            />
          )}
          <section aria-labelledby="delegations-heading">
            <h2 id="delegations-heading" className="text-xl font-semibold">
              {t("delegations")}
            </h2>
            <AttendanceCount workshopId={workshop.id} initialLive={live} />
            <ul className="mt-4 space-y-3">
              {delegations.map((d) => {
                const people = members.filter((m) => m.delegationId === d.id);
                return (
                  <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4" style={{ borderLeft: `4px solid ${d.colour}` }}>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <DelegationChip name={d.name} code={d.code} colour={d.colour} />
                      <AttendanceMark workshopId={workshop.id} delegationId={d.id} />
                    </div>
                    <ul className="mt-2 space-y-0.5 text-sm text-slate-700">
                      {people.map((m) => (
                        <li key={m.id}>{m.name}</li>
                      ))}
                      {people.length === 0 && <li className="text-slate-500">{t("noMembers")}</li>}
                    </ul>
                  </li>
                );
              })}
            </ul>
          </section>
          <section aria-labelledby="others-heading">
            <h2 id="others-heading" className="text-xl font-semibold">
              {t("chairsAndObservers")}
            </h2>
            <ul className="mt-3 space-y-1 text-sm">
              {members
                .filter((m) => !m.delegationId)
                .map((m) => (
                  <li key={m.id} className="flex items-center gap-2">
                    <span>{m.name}</span> <RoleBadge role={m.role} />
                  </li>
                ))}
            </ul>
          </section>
        </aside>
      </div>
    </div>
  );
}
