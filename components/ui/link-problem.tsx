import Link from "next/link";
import { useTranslations } from "next-intl";

/**
 * What a one-time link (an invite, a password reset) shows when it cannot be used: why, what to
 * do, and the way to sign in. The pages keep their own wording per reason.
 */
export function LinkProblem({ title, body }: { title: string; body: string }) {
  const t = useTranslations("ui");
  return (
    <div className="mx-auto mt-8 max-w-md rounded-lg border border-slate-200 bg-white p-6 text-center shadow-sm">
      <h1 className="text-xl font-semibold">{title}</h1>
      <p className="mt-3 text-slate-600">{body}</p>
      <Link href="/sign-in" className="mt-5 inline-block text-sky-700 underline">
        {t("linkProblem.signIn")}
      </Link>
    </div>
  );
}
