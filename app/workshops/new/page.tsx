import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { timeZoneChoices } from "@/lib/domain/time-zone";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { assertMayCreateWorkshop } from "@/server/services/people/instance-access";
import { WorkshopDetailsForm } from "@/components/workshops/workshop-details-form";
import { createWorkshopAction } from "./actions";

export const metadata: Metadata = { title: "New workshop" };

export default async function NewWorkshopPage() {
  const user = await requireUser("/workshops/new");
  // Only those the instance lets create workshops see the form (403 otherwise); creating checks again.
  await guardPage(assertMayCreateWorkshop(db(), user.id));
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link href="/workshops" className="hover:underline">
            My workshops
          </Link>
        </nav>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight">New workshop</h1>
        <p className="mt-2 text-slate-600">You will chair it. Add delegations and invite people from its “Manage workshop” page once it exists.</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <WorkshopDetailsForm
          idPrefix="new-workshop"
          action={createWorkshopAction}
          initial={{ title: "", description: "", timeZone: "UTC", defaultVoteRule: "CONSENSUS", defaultQuorum: 1 }}
          zones={timeZoneChoices()}
          preferBrowserZone
          submitLabel="Create workshop"
          pendingLabel="Creating…"
        />
      </div>
    </div>
  );
}
