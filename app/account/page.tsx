import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { DEFAULT_TIME_ZONE, timeZoneChoices } from "@/lib/domain/time-zone";
import { guardPage, requireUser } from "@/server/auth/page-guard";
import { getAccount } from "@/server/services/people/get-account";
import { AccountNameForm } from "@/components/account/account-name-form";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SignOutEverywhereButton } from "@/components/account/sign-out-everywhere-button";
import { TimeZoneForm } from "@/components/account/time-zone-form";
import { changePasswordAction, renameAccountAction, setTimeZoneAction, signOutEverywhereAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("account.page");
  return { title: t("title") };
}

const card = "rounded-lg border border-slate-200 bg-white p-6 shadow-sm";

export default async function AccountPage() {
  const user = await requireUser("/account");
  const [account, t] = await Promise.all([guardPage(getAccount({ db: db(), userId: user.id })), getTranslations("account")]);
  const zone = account.timeZone ?? DEFAULT_TIME_ZONE;
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("page.heading")}</h1>
        <p className="mt-2 text-sm text-slate-600">
          {t.rich("page.signedInAs", { email: account.email, strong: (chunks) => <strong>{chunks}</strong> })}
          {account.isAdmin && t("page.administrator")}
        </p>
      </div>
      <section aria-labelledby="profile-heading" className={`${card} space-y-6`}>
        <div className="space-y-1">
          <h2 id="profile-heading" className="text-lg font-semibold">
            {t("page.profile")}
          </h2>
          {/* The switcher itself is in the header of every page (components/i18n); this says where the choice is kept. */}
          <p className="text-sm text-slate-600">{t("languageNote")}</p>
        </div>
        <AccountNameForm action={renameAccountAction} name={account.name} />
        <TimeZoneForm action={setTimeZoneAction} zones={timeZoneChoices(zone)} current={zone} />
      </section>
      <section className={card}>
        <ChangePasswordForm action={changePasswordAction} />
      </section>
      <section aria-labelledby="sessions-heading" className={`${card} space-y-3`}>
        <h2 id="sessions-heading" className="text-lg font-semibold">
          {t("page.sessions")}
        </h2>
        <p className="text-sm text-slate-600">{t("page.sessionsIntro")}</p>
        <SignOutEverywhereButton action={signOutEverywhereAction} />
      </section>
    </div>
  );
}
