import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getWorkshopOverview } from "@/server/services/get-workshop-overview";
import { DelegationChip, RoleBadge, StateBadge } from "@/components/ui/badges";
import { buttonSecondary } from "@/components/ui/field";

export const metadata: Metadata = { title: "Workshop" };

type Params = { params: Promise<{ workshopId: string }> };

export default async function WorkshopPage({ params }: Params) {
  const { workshopId } = await params;
  const user = await requireUser(`/workshops/${workshopId}`);
  const view = await guardPage(getWorkshopOverview({ db: db(), userId: user.id, workshopId }));
  const { workshop, delegations, members, proposals, viewer } = view;
  const delegationById = new Map(delegations.map((d) => [d.id, d]));
  const myDelegation = viewer.delegationId ? delegationById.get(viewer.delegationId) : undefined;

  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="max-w-3xl">
          <h1 className="text-3xl font-semibold tracking-tight">{workshop.title}</h1>
          <p className="mt-3 text-slate-600">{workshop.description}</p>
          <p className="mt-3 flex flex-wrap items-center gap-2 text-sm text-slate-600">
            You take part as <RoleBadge role={viewer.role} />
            {myDelegation && <DelegationChip name={myDelegation.name} code={myDelegation.code} colour={myDelegation.colour} />}
          </p>
        </div>
        {viewer.role === "MODERATOR" && (
          <Link href={`/workshops/${workshop.id}/manage`} className={buttonSecondary}>
            Manage workshop
          </Link>
        )}
      </div>

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <section aria-labelledby="agenda-heading">
          <h2 id="agenda-heading" className="text-xl font-semibold">
            Agenda
          </h2>
          <ol className="mt-4 space-y-3">
            {proposals.map((p, i) => {
              const isCurrent = p.id === workshop.currentProposalId;
              return (
                <li
                  key={p.id}
                  aria-current={isCurrent ? "true" : undefined}
                  className={`rounded-lg border bg-white p-4 shadow-sm ${isCurrent ? "border-sky-500 ring-2 ring-sky-200" : "border-slate-200"}`}
                >
                  <div className="flex flex-wrap items-center gap-3">
                    <span className="text-sm font-semibold text-slate-500">Item {i + 1}</span>
                    <StateBadge state={p.state} />
                    {isCurrent && <span className="text-xs font-semibold uppercase tracking-wide text-sky-700">On the floor</span>}
                  </div>
                  <h3 className="mt-2 text-lg font-semibold leading-snug">
                    <Link href={`/workshops/${workshop.id}/proposals/${p.id}`} className="text-sky-800 hover:underline">
                      {p.title}
                    </Link>
                  </h3>
                  {p.summary && <p className="mt-1 text-sm text-slate-600">{p.summary}</p>}
                </li>
              );
            })}
          </ol>
        </section>

        <aside className="space-y-8">
          <section aria-labelledby="delegations-heading">
            <h2 id="delegations-heading" className="text-xl font-semibold">
              Delegations
            </h2>
            <ul className="mt-4 space-y-3">
              {delegations.map((d) => {
                const people = members.filter((m) => m.delegationId === d.id);
                return (
                  <li key={d.id} className="rounded-lg border border-slate-200 bg-white p-4" style={{ borderLeft: `4px solid ${d.colour}` }}>
                    <DelegationChip name={d.name} code={d.code} colour={d.colour} />
                    <ul className="mt-2 space-y-0.5 text-sm text-slate-700">
                      {people.map((m) => (
                        <li key={m.id}>{m.name}</li>
                      ))}
                      {people.length === 0 && <li className="text-slate-500">No members yet</li>}
                    </ul>
                  </li>
                );
              })}
            </ul>
          </section>
          <section aria-labelledby="others-heading">
            <h2 id="others-heading" className="text-xl font-semibold">
              Chair and observers
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
