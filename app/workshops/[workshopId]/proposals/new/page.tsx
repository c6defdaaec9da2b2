import type { Metadata } from "next";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getNewProposalView } from "@/server/services/proposals/get-new-proposal-view";
import { WorkshopPageHeader } from "@/components/ui/workshop-page-header";
import { NewProposalForm } from "@/components/proposal/new-proposal-form";
import { createProposalAction } from "./actions";

export const metadata: Metadata = { title: "New proposal" };

export default async function NewProposalPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const user = await requireUser(`/workshops/${workshopId}/proposals/new`);
  // Only those who may add a proposal see the form: others get 403 (members) or 404.
  const { workshop, agendaLength } = await guardPage(getNewProposalView({ db: db(), userId: user.id, workshopId }));
  return (
    <div className="max-w-3xl space-y-6">
      <WorkshopPageHeader workshop={workshop} title="New proposal">
        <p className="mt-2 text-slate-600">It is added at the end of the agenda, as item {agendaLength + 1}, open for drafting.</p>
      </WorkshopPageHeader>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <NewProposalForm action={createProposalAction.bind(null, workshop.id)} />
      </div>
    </div>
  );
}
