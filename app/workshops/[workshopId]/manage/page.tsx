import { LocalTime } from "@/components/ui/local-time";
import { viewerTimeZone } from "@/server/auth/viewer-time-zone";
import type { Metadata } from "next";
import { db } from "@/lib/db";
import { CardSection } from "@/components/ui/card-section";
import { WorkshopPageHeader } from "@/components/ui/workshop-page-header";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getWorkshopOverview } from "@/server/services/workshop/get-workshop-overview";
import { getManagementView } from "@/server/services/workshop/get-management-view";
import { DelegationChip, StateBadge, roleLabel } from "@/components/ui/badges";
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

export const metadata: Metadata = { title: "Manage workshop" };

const INVITE_STATUS: Record<string, string> = { VALID: "Active", REVOKED: "Revoked", EXPIRED: "Expired", USED_UP: "Used up" };

export default async function ManagePage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const user = await requireUser(`/workshops/${workshopId}/manage`);
  // Management first: a delegate or observer gets 403 before anything is loaded.
  const invites = await guardPage(getManagementView({ db: db(), userId: user.id, workshopId, now: new Date() }));
  const { workshop, delegations, proposals } = await guardPage(getWorkshopOverview({ db: db(), userId: user.id, workshopId }));
  const members = await guardPage(listMembers({ db: db(), userId: user.id, workshopId }));
  const zone = await viewerTimeZone();
  const seated = (delegationId: string) => members.filter((m) => m.delegationId === delegationId).length;

  return (
    <div className="space-y-10">
      <WorkshopPageHeader workshop={workshop} title="Manage workshop" />

      <CardSection id="agenda-order" title="Agenda order">
        <ol className="mt-4 divide-y divide-slate-100">
          {proposals.map((p, i) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
              <span className="flex items-center gap-3">
                <span className="w-6 text-right font-semibold text-slate-500">{i + 1}.</span>
                <span className="font-medium">{p.title}</span>
                <StateBadge state={p.state} />
              </span>
              <span className="flex gap-2">
                <RowActionButton label={`Move ${p.title} up`} disabled={i === 0} action={moveAgendaItemAction.bind(null, workshop.id, p.id, "up")}>
                  ↑ Up
                </RowActionButton>
                <RowActionButton label={`Move ${p.title} down`} disabled={i === proposals.length - 1} action={moveAgendaItemAction.bind(null, workshop.id, p.id, "down")}>
                  ↓ Down
                </RowActionButton>
              </span>
            </li>
          ))}
        </ol>
      </CardSection>

      <CardSection
        id="delegations"
        title="Delegations"
        intro="Rename a delegation or change its colour; its code stays. Only a delegation nobody sits in and that has cast no ballot can be deleted."
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
        title="Members"
        intro="A change takes effect at once, also in open tabs. Removing someone keeps what they wrote and voted in the record. A workshop always keeps at least one chair."
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

      <CardSection id="invites" title="Invites" intro="An invite link makes its holder a member with the role (and delegation) you choose.">
        <div className="mt-4">
          <InviteForm action={createInviteAction.bind(null, workshop.id)} delegations={delegations.map((d) => ({ id: d.id, name: d.name }))} />
        </div>
        {invites.length > 0 && (
          <table className="mt-6 w-full text-left text-sm">
            <caption className="sr-only">Invites created for this workshop</caption>
            <thead className="text-slate-500">
              <tr>
                <th scope="col" className="py-2 font-medium">Role</th>
                <th scope="col" className="py-2 font-medium">Delegation</th>
                <th scope="col" className="py-2 font-medium">Uses</th>
                <th scope="col" className="py-2 font-medium">Expires</th>
                <th scope="col" className="py-2 font-medium">Status</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invites.map((inv) => (
                <tr key={inv.id}>
                  <td className="py-2">{roleLabel(inv.role)}</td>
                  <td className="py-2">{inv.delegation ? <DelegationChip name={inv.delegation.name} colour={inv.delegation.colour} /> : "—"}</td>
                  <td className="py-2">
                    {inv.uses} / {inv.maxUses}
                  </td>
                  <td className="py-2">
                    <LocalTime at={inv.expiresAt} zone={zone} />
                  </td>
                  <td className="py-2">{INVITE_STATUS[inv.status]}</td>
                  <td className="py-2 text-right">
                    {inv.status === "VALID" && (
                      <RowActionButton label={`Revoke ${roleLabel(inv.role)} invite`} action={revokeInviteAction.bind(null, workshop.id, inv.id)}>
                        Revoke
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
