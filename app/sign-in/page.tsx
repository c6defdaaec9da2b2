import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { DemoInstanceNotice } from "../demo-notice";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect("/workshops");
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">Sign in to Accord</h1>
      <p className="mt-2 text-sm text-slate-600">Co-draft with the other delegations, follow the chair, and vote on the exact text.</p>
      <DemoInstanceNotice className="mt-4" />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm next={next} />
      </div>
      <p className="mt-4 text-xs text-slate-500">New here? Ask the chair for an invite link. Forgot your password? Ask the chair or an administrator for a reset link.</p>
    </div>
  );
}
