import type { Metadata } from "next";
import { db } from "@/lib/db";
import { inspectResetLink } from "@/server/services/people/inspect-reset-link";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import { LinkProblem } from "@/components/ui/link-problem";
import { resetPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Set a new password" };

const UNUSABLE: Record<"UNKNOWN" | "EXPIRED" | "USED", { title: string; body: string }> = {
  UNKNOWN: { title: "This password-reset link is not valid", body: "Check that you copied the whole link, or ask the person who sent it for a new one." },
  EXPIRED: { title: "This password-reset link has expired", body: "Reset links work for one day. Ask the chair or an administrator for a new one." },
  USED: { title: "This password-reset link has already been used", body: "Each link sets a password once. If that was not you, ask the chair or an administrator for a new one at once." },
};

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await inspectResetLink({ db: db(), token, now: new Date() });
  if (link.status !== "VALID") {
    const msg = UNUSABLE[link.status];
    return <LinkProblem {...msg} />;
  }
  return (
    <div className="mx-auto mt-8 max-w-md">
      <h1 className="text-2xl font-semibold tracking-tight">Set a new password</h1>
      <p className="mt-2 text-slate-700">
        For <strong>{link.name}</strong> ({link.email}). Setting it signs this account out everywhere else; the link then stops working.
      </p>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ResetPasswordForm action={resetPasswordAction.bind(null, token)} />
      </div>
    </div>
  );
}
