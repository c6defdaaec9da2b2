import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { listAccounts } from "@/server/services/people/list-accounts";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { ResetLinkButton } from "@/components/account/reset-link-button";
import { createAccountAction, createAccountResetLinkAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.accountsPage");
  return { title: t("title") };
}

/** Instance administrators only (others get 403): every account, new accounts, reset links. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser("/admin/accounts");
  const { q } = await searchParams;
  const { accounts, total } = await guardPage(listAccounts({ db: db(), userId: user.id, search: typeof q === "string" ? q : undefined }));
  const t = await getTranslations("admin.accountsPage");
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
        <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      </div>
      <section aria-labelledby="new-account-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="new-account-heading" className="mb-4 text-lg font-semibold">
          {t("newAccount")}
        </h2>
        <CreateAccountForm action={createAccountAction} />
      </section>
      <section aria-labelledby="all-accounts-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="all-accounts-heading" className="text-lg font-semibold">
            {t("allAccounts", { total: String(total) })}
          </h2>
          <form role="search" className="flex gap-2">
            <label htmlFor="accounts-search" className="sr-only">
              {t("searchLabel")}
            </label>
            <input id="accounts-search" name="q" defaultValue={q} placeholder={t("searchPlaceholder")} className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              {t("search")}
            </button>
          </form>
        </div>
        {accounts.length < total && <p className="text-sm text-slate-600">{t("showingFirst", { count: String(accounts.length) })}</p>}
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">{t("columns.name")}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t("columns.email")}</th>
              <th scope="col" className="py-2 pr-4 font-medium">{t("columns.workshops")}</th>
              <th scope="col" className="py-2 font-medium">{t("columns.password")}</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-3 pr-4 font-medium">
                  {a.name}
                  {a.isAdmin && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">{t("administrator")}</span>}
                </th>
                <td className="py-3 pr-4">{a.email}</td>
                <td className="py-3 pr-4">{a.workshops}</td>
                <td className="py-3">
                  <ResetLinkButton workshopId="" userId={a.id} name={a.name} action={createAccountResetLinkAction.bind(null, a.id)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
