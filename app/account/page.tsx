import type { Metadata } from "next";
import { db } from "@/lib/db";
import { DEFAULT_TIME_ZONE, timeZoneChoices } from "@/lib/domain/time-zone";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getAccount } from "@/server/services/people/get-account";
import { AccountNameForm } from "@/components/account/account-name-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { changePasswordAction, renameAccountAction, setTimeZoneAction, signOutEverywhereAction } from "./actions";

export const metadata: Metadata = { title: "Account" };

const card = "rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

export default async function AccountPage() {
  const user = await requireUser("/account");
  const account = await guardPage(getAccount({ db: db(), userId: user.id }));
  const zone = account.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="mt-2 text-sm text-slate-600">
          Signed in as <strong>{account.email}</strong>
          {account.isAdmin && " · administrator of this instance"}
        </p>
      </div>
      <section aria-labelledby="profile-heading" className={`${card} space-y-6`}>
        <h2 id="profile-heading" className="text-lg font-semibold">
          Profile
        </h2>
        <AccountNameForm action={renameAccountAction} name={account.name} />
        <TimeZoneForm action={setTimeZoneAction} zones={timeZoneChoices(zone)} current={zone} />
      </section>
      <section className={card}>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
      <section aria-labelledby="sessions-heading" className={`${card} space-y-3`}>
        <h2 id="sessions-heading" className="text-lg font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-slate-600">
          Signed in on a shared computer or a lost device? Signing out everywhere ends every other session of this account at once, including open
          tabs; this browser stays signed in.
        </p>
        <SignOutEverywhereButton action={signOutEverywhereAction} />
      </section>
    </div>
  );
}
