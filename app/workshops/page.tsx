import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { requireUser } from "@/server/auth/page-guard";
import { listMyWorkshops } from "@/server/services/workshop/list-my-workshops";
import { DelegationChip, RoleBadge } from "@/components/ui/badges";

export const metadata: Metadata = { title: "My workshops" };

export default async function WorkshopsPage() {
  const user = await requireUser("/workshops");
  const workshops = await listMyWorkshops({ db: db(), userId: user.id });
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight">My workshops</h1>
      {workshops.length === 0 ? (
        <p className="mt-4 text-slate-600">You are not in any workshop yet. Open the invite link the chair sent you.</p>
      ) : (
        <ul className="mt-6 grid gap-4 md:grid-cols-2">
          {workshops.map((w) => (
            <li key={w.id} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <h2 className="text-lg font-semibold leading-snug">
                <Link href={`/workshops/${w.id}`} className="text-sky-800 hover:underline">
                  {w.title}
                </Link>
              </h2>
              <p className="mt-2 line-clamp-3 text-sm text-slate-600">{w.description}</p>
              <div className="mt-4 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <RoleBadge role={w.role} />
                {w.delegation && <DelegationChip name={w.delegation.name} colour={w.delegation.colour} />}
                <span>
                  {w.proposalCount} proposals · {w.delegationCount} delegations
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
