import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { inspectInvite } from "@/server/services/invites/inspect-invite";
import { DelegationChip } from "@/components/ui/badges";
import { JoinAsMeButton, JoinForm } from "@/components/auth/join-form";
import { LinkProblem } from "@/components/ui/link-problem";
import { joinAsCurrentUserAction, joinWithNewAccountAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.invite");
  return { title: t("title") };
}

/** Why a link cannot be used: its message keys (pages.invite.unusable.<status>.title / .body). */
const UNUSABLE = ["UNKNOWN", "EXPIRED", "USED_UP", "REVOKED", "ARCHIVED"] as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user, t] = await Promise.all([inspectInvite({ db: db(), token, now: new Date() }), currentUser(), getTranslations("pages.invite")]);

  if (invite.status !== "VALID") {
    const status: (typeof UNUSABLE)[number] = invite.status;
    return <LinkProblem title={t(`unusable.${status}.title`)} body={t(`unusable.${status}.body`)} />;
  }

  const strong = (chunks: React.ReactNode) => <strong>{chunks}</strong>;
  return (
    <div className="mx-auto mt-8 max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-slate-700">
        {invite.delegation
          ? t.rich("joinAsOf", {
              title: invite.workshop.title,
              role: invite.role,
              strong,
              delegation: () => <DelegationChip name={invite.delegation!.name} colour={invite.delegation!.colour} />,
            })
          : t.rich("joinAs", { title: invite.workshop.title, role: invite.role, strong })}
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {user ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">{t("signedInAs", { email: user.email })}</p>
            <JoinAsMeButton action={joinAsCurrentUserAction.bind(null, token)} />
          </div>
        ) : (
          <>
            <JoinForm action={joinWithNewAccountAction.bind(null, token)} />
            <p className="mt-4 text-sm text-slate-600">
              {t.rich("haveAccount", {
                link: (chunks) => (
                  <Link href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`} className="text-sky-700 underline">
                    {chunks}
                  </Link>
                ),
              })}
            </p>
          </>
        )}
      </div>
    </div>
  );
}
