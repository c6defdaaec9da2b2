import type { Metadata } from "next";
import { db } from "@/lib/db";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { listAccounts } from "@/server/services/people/list-accounts";
import { CreateAccountForm } from "@/components/admin/create-account-form";
import { ResetLinkButton } from "@/components/account/reset-link-button";
import { createAccountAction, createAccountResetLinkAction } from "./actions";

export const metadata: Metadata = { title: "Accounts" };

/** Instance administrators only (others get 403): every account, new accounts, reset links. */
export default async function AccountsPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const user = await requireUser("/admin/accounts");
  const { q } = await searchParams;
  const { accounts, total } = await guardPage(listAccounts({ db: db(), userId: user.id, search: typeof q === "string" ? q : undefined }));
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Accounts</h1>
        <p className="mt-2 text-sm text-slate-600">Everyone who can sign in to this instance. Accounts you create join workshops through invites or their chairs.</p>
      </div>
      <section aria-labelledby="new-account-heading" className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <h2 id="new-account-heading" className="mb-4 text-lg font-semibold">
          New account
        </h2>
        <CreateAccountForm action={createAccountAction} />
      </section>
      <section aria-labelledby="all-accounts-heading" className="space-y-3">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h2 id="all-accounts-heading" className="text-lg font-semibold">
            All accounts ({total})
          </h2>
          <form role="search" className="flex gap-2">
            <label htmlFor="accounts-search" className="sr-only">
              Search accounts
            </label>
            <input id="accounts-search" name="q" defaultValue={q} placeholder="Name or email" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm" />
            <button type="submit" className="rounded-md border border-slate-300 px-3 py-1.5 text-sm">
              Search
            </button>
          </form>
        </div>
        {accounts.length < total && <p className="text-sm text-slate-600">Showing the first {accounts.length}; search to narrow the list.</p>}
        <table className="w-full border-collapse text-left text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-slate-600">
              <th scope="col" className="py-2 pr-4 font-medium">Name</th>
              <th scope="col" className="py-2 pr-4 font-medium">Email</th>
              <th scope="col" className="py-2 pr-4 font-medium">Workshops</th>
              <th scope="col" className="py-2 font-medium">Password</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="py-3 pr-4 font-medium">
                  {a.name}
                  {a.isAdmin && <span className="ml-2 rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-700">administrator</span>}
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
