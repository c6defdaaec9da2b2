import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/server/auth/session";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNext } from "@/lib/safe-next";
import { DemoInstanceNotice } from "../demo-notice";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pages.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  if (await currentUser()) redirect("/workshops");
  const t = await getTranslations("pages.signIn");
  return (
    <div className="mx-auto mt-8 max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight">{t("heading")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("intro")}</p>
      <DemoInstanceNotice className="mt-4" />
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm next={safeNext(next)} />
      </div>
      <p className="mt-4 text-xs text-slate-500">{t("help")}</p>
    </div>
  );
}
