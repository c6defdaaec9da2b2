import type { Metadata } from "next";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { requireUser } from "@/server/auth/page-guard";
import { userMayCreateWorkshop } from "@/server/services/people/instance-access";
import { listMyWorkshops } from "@/server/services/workshop/list-my-workshops";
import { DelegationChip, RoleBadge } from "@/components/ui/badges";
import { buttonPrimary } from "@/components/ui/field";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workshops.list");
  return { title: t("title") };
}

type Listed = Awaited<ReturnType<typeof listMyWorkshops>>[number];

function WorkshopCard({ w }: { w: Listed }) {
  const t = useTranslations("workshops.list");
  return (
    <li className={`rounded-lg border p-5 shadow-sm ${w.archivedAt ? "border-slate-200 bg-slate-50" : "border-slate-200 bg-white"}`}>
      <h3 className="text-lg font-semibold leading-snug">
        <Link href={`/workshops/${w.id}`} className="text-sky-800 hover:underline">
          {w.title}
        </Link>
      </h3>
      <p className="mt-2 line-clamp-3 text-sm text-slate-600">{w.description}</p>
      <div className="mt-4 flex flex-wrap items-center gap-2 text-sm text-slate-600">
        <RoleBadge role={w.role} />
        {w.delegation && <DelegationChip name={w.delegation.name} colour={w.delegation.colour} />}
        <span>{t("counts", { proposals: w.proposalCount, delegations: w.delegationCount })}</span>
      </div>
    </li>
  );
}

export default async function WorkshopsPage() {
  const user = await requireUser("/workshops");
  const [workshops, mayCreate] = await Promise.all([listMyWorkshops({ db: db(), userId: user.id }), userMayCreateWorkshop(db(), user.id)]);
  const t = await getTranslations("workshops.list");
  const active = workshops.filter((w) => !w.archivedAt);
  const archived = workshops.filter((w) => w.archivedAt);
  return (
    <div className="space-y-10">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        {mayCreate && (
          <Link href="/workshops/new" className={buttonPrimary}>
            {t("newWorkshop")}
          </Link>
        )}
      </div>
      <section aria-labelledby="active-heading">
        {/* The page's title already says what this list is; the heading gives the section its name. */}
        <h2 id="active-heading" className="sr-only">
          {t("currentHeading")}
        </h2>
        {active.length === 0 ? (
          <p className="text-slate-600">
            {archived.length > 0 ? t("noneRunning") : t("noneYet")} {mayCreate ? t("createOrInvite") : t("openInvite")}
          </p>
        ) : (
          <ul className="grid gap-4 md:grid-cols-2">
            {active.map((w) => (
              <WorkshopCard key={w.id} w={w} />
            ))}
          </ul>
        )}
      </section>
      {archived.length > 0 && (
        <section aria-labelledby="archived-heading">
          <h2 id="archived-heading" className="text-xl font-semibold">
            {t("archivedHeading")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("archivedIntro")}</p>
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {archived.map((w) => (
              <WorkshopCard key={w.id} w={w} />
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
