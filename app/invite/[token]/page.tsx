import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { inspectInvite } from "@/server/services/invites/inspect-invite";
import { DelegationChip, roleLabel } from "@/components/ui/badges";
import { JoinAsMeButton, JoinForm } from "@/components/auth/join-form";
import { LinkProblem } from "@/components/ui/link-problem";
import { joinAsCurrentUserAction, joinWithNewAccountAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

const UNUSABLE: Record<string, { title: string; body: string }> = {
  UNKNOWN: { title: "This invite link is not valid", body: "Check that you copied the whole link, or ask the chair for a new one." },
  EXPIRED: { title: "This invite link has expired", body: "Invite links work for a limited time. Ask the chair for a new one." },
  USED_UP: { title: "This invite link has already been used", body: "Each link admits a set number of people. Ask the chair for a new one." },
  REVOKED: { title: "This invite link has been revoked", body: "The chair withdrew this link. Ask the chair for a new one if you still need access." },
  ARCHIVED: { title: "This workshop has been archived", body: "An archived workshop takes no new members. Ask the chair if you need to read its record." },
};

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invite, user] = await Promise.all([inspectInvite({ db: db(), token, now: new Date() }), currentUser()]);

  if (invite.status !== "VALID") {
    const msg = UNUSABLE[invite.status]!;
    return <LinkProblem {...msg} />;
  }

  return (
    <div className="mx-auto mt-8 max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">You are invited</h1>
      <p className="mt-2 text-slate-700">
        Join <strong>{invite.workshop.title}</strong> as {roleLabel(invite.role).toLowerCase()}
        {invite.delegation && (
          <>
            {" "}
            of <DelegationChip name={invite.delegation.name} colour={invite.delegation.colour} />
          </>
        )}
        .
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        {user ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-600">You are signed in as {user.email}.</p>
            <JoinAsMeButton action={joinAsCurrentUserAction.bind(null, token)} />
          </div>
        ) : (
          <>
            <JoinForm action={joinWithNewAccountAction.bind(null, token)} />
            <p className="mt-4 text-sm text-slate-600">
              Already have an account?{" "}
              <Link href={`/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`} className="text-sky-700 underline">
                Sign in first
              </Link>
              .
            </p>
          </>
        )}
      </div>
    </div>
  );
}
