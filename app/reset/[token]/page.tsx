import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { inspectResetLink } from "@/server/services/people/inspect-reset-link";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { LinkProblem } from "@/components/ui/link-problem";
import { resetPasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.reset");
  return { title: t("title") };
}

/** Why a link cannot be used: its message keys (pages.reset.unusable.<status>.title / .body). */
const UNUSABLE = ["UNKNOWN", "EXPIRED", "USED"] as const;

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, t] = await Promise.all([inspectResetLink({ db: db(), token, now: new Date() }), getTranslations("pages.reset")]);
  if (link.status !== "VALID") {
    const status: (typeof UNUSABLE)[number] = link.status;
    return <LinkProblem title={t(`unusable.${status}.title`)} body={t(`unusable.${status}.body`)} />;
  }
  return (
    <div className="mx-auto mt-8 max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-700">{t.rich("intro", { name: link.name, email: link.email, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ResetPasswordForm action={resetPasswordAction.bind(null, token)} />
      </div>
    </div>
  );
}
