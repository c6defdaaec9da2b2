import { LocalTime } from "@/components/ui/local-time";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { CardSection } from "@/components/ui/card-section";
import { WorkshopPageHeader } from "@/components/ui/workshop-page-header";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getWorkshopOverview } from "@/server/services/workshop/get-workshop-overview";
import { getManagementView } from "@/server/services/workshop/get-management-view";
import { DelegationChip, StateBadge } from "@/components/ui/badges";
import { DelegationForm } from "@/components/manage/delegation-form";
import { InviteForm } from "@/components/manage/invite-form";
import { RowActionButton } from "@/components/manage/row-action-button";
import { MembersTable } from "@/components/manage/members-table";
import { DelegationsTable } from "@/components/manage/delegations-table";
import { ResetLinkButton } from "@/components/account/reset-link-button";
import { listMembers } from "@/server/services/people/list-members";
import {
  changeMemberAction,
  createDelegationAction,
  createInviteAction,
  deleteDelegationAction,
  editDelegationAction,
  moveAgendaItemAction,
  removeMemberAction,
  revokeInviteAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("manage.page");
  return { title: t("title") };
}

export default async function ManagePage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const user = await requireUser(`/workshops/${workshopId}/manage`);
  // Management first: a delegate or observer gets 403 before anything is loaded.
  const invites = await guardPage(getManagementView({ db: db(), userId: user.id, workshopId, now: new Date() }));
  const { workshop, delegations, proposals } = await guardPage(getWorkshopOverview({ db: db(), userId: user.id, workshopId }));
  const members = await guardPage(listMembers({ db: db(), userId: user.id, workshopId }));
  const zone = await viewerTimeZone();
  const t = await getTranslations("manage");
  const seated = (delegationId: string) => members.filter((m) => m.delegationId === delegationId).length;

  return (
    <div className="space-y-10">
      <WorkshopPageHeader workshop={workshop} title={t("page.title")} />

      <CardSection id="agenda-order" title={t("page.agendaOrder")}>
        <ol className="mt-4 divide-y divide-slate-100">
          {proposals.map((p, i) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span className="flex items-center gap-3">
                <span className="w-6 text-right font-semibold text-slate-500">{i + 1}.</span>
                <span className="font-medium">{p.title}</span>
                <StateBadge state={p.state} />
              </span>
              <span className="flex gap-2">
                <RowActionButton label={t("page.moveUp", { title: p.title })} disabled={i === 0} action={moveAgendaItemAction.bind(null, workshop.id, p.id, "up")}>
                  {t("page.up")}
                </RowActionButton>
                <RowActionButton label={t("page.moveDown", { title: p.title })} disabled={i === proposals.length - 1} action={moveAgendaItemAction.bind(null, workshop.id, p.id, "down")}>
                  {t("page.down")}
                </RowActionButton>
              </span>
            </li>
          ))}
        </ol>
      </CardSection>

      <CardSection
        id="delegations"
        title={t("page.delegations")}
        intro={t("page.delegationsIntro")}
      >
        <div className="mt-4">
          <DelegationsTable
            delegations={delegations.map((d) => ({
              id: d.id,
              name: d.name,
              code: d.code,
              colour: d.colour,
              members: seated(d.id),
              edit: editDelegationAction.bind(null, workshop.id, d.id),
              remove: deleteDelegationAction.bind(null, workshop.id, d.id),
            }))}
          />
        </div>
        <div className="mt-6">
          <DelegationForm action={createDelegationAction.bind(null, workshop.id)} />
        </div>
      </CardSection>

      <CardSection
        id="members"
        title={t("page.members")}
        intro={t("page.membersIntro")}
      >
        <div className="mt-4">
          <MembersTable
            delegations={delegations.map((d) => ({ id: d.id, name: d.name }))}
            members={members.map((m) => ({
              userId: m.userId,
              name: m.name,
              email: m.email,
              role: m.role,
              delegationId: m.delegationId,
              isYou: m.userId === user.id,
              changeSeat: changeMemberAction.bind(null, workshop.id, m.userId),
              remove: removeMemberAction.bind(null, workshop.id, m.userId),
              extra: <ResetLinkButton workshopId={workshop.id} userId={m.userId} name={m.name} />,
            }))}
          />
        </div>
      </CardSection>

      <CardSection id="invites" title={t("page.invites")} intro={t("page.invitesIntro")}>
        <div className="mt-4">
          <InviteForm action={createInviteAction.bind(null, workshop.id)} delegations={delegations.map((d) => ({ id: d.id, name: d.name }))} />
        </div>
        {invites.length > 0 && (
          <table className="mt-6 w-full text-left text-sm">
            <caption className="sr-only">{t("invitesTable.caption")}</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-2 font-medium">{t("invitesTable.role")}</th>
                <th scope="col" className="py-2 font-medium">{t("invitesTable.delegation")}</th>
                <th scope="col" className="py-2 font-medium">{t("invitesTable.uses")}</th>
                <th scope="col" className="py-2 font-medium">{t("invitesTable.expires")}</th>
                <th scope="col" className="py-2 font-medium">{t("invitesTable.status")}</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">{t("invitesTable.actions")}</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invites.map((inv) => (
                <tr key={inv.id}>
                  <td className="py-2">{t(`role.${inv.role}`)}</td>
                  <td className="py-2">{inv.delegation ? <DelegationChip name={inv.delegation.name} colour={inv.delegation.colour} /> : "—"}</td>
                  <td className="py-2">
                    {inv.uses} / {inv.maxUses}
                  </td>
                  <td className="py-2">
                    <LocalTime at={inv.expiresAt} zone={zone} />
                  </td>
                  <td className="py-2">{t(`invitesTable.state.${inv.status}`)}</td>
                  <td className="py-2 text-right">
                    {inv.status === "VALID" && (
                      <RowActionButton label={t("invitesTable.revokeLabel", { role: t(`role.${inv.role}`) })} action={revokeInviteAction.bind(null, workshop.id, inv.id)}>
                        {t("invitesTable.revoke")}
                      </RowActionButton>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </CardSection>
    </div>
  );
}
