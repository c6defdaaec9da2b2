import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getNewProposalView } from "@/server/services/proposals/get-new-proposal-view";
import { WorkshopPageHeader } from "@/components/ui/workshop-page-header";
import { NewProposalForm } from "@/components/proposal/new-proposal-form";
import { createProposalAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("proposalPages");
  return { title: t("metadata.newProposal") };
}

export default async function NewProposalPage({ params }: { params: Promise<{ workshopId: string }> }) {
  const { workshopId } = await params;
  const user = await requireUser(`/workshops/${workshopId}/proposals/new`);
  // Only those who may add a proposal see the form: others get 403 (members) or 404.
  const { workshop, agendaLength } = await guardPage(getNewProposalView({ db: db(), userId: user.id, workshopId }));
  const t = await getTranslations("proposalPages");
  return (
    <div className="max-w-3xl space-y-6">
      <WorkshopPageHeader workshop={workshop} title={t("newProposal.title")}>
        <p className="mt-2 text-slate-600">{t("newProposal.intro", { item: agendaLength + 1 })}</p>
      </WorkshopPageHeader>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <NewProposalForm action={createProposalAction.bind(null, workshop.id)} />
      </div>
    </div>
  );
}
