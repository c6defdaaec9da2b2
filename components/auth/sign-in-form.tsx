"use client";

import { useRef, useState } from "react";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";
import { missingSignInFields, parseMissingFieldsCode, type SignInField } from "@/lib/sign-in-fields";
// Only same-site paths: a crafted ?next= must not send people elsewhere.
import { safeNext } from "@/lib/safe-next";

/** Which message names the missing fields (the words of lib/sign-in-fields.ts's missingFieldsMessage). */
function missingKey(missing: readonly SignInField[]): "missing.both" | "missing.email" | "missing.password" | null {
  const hasEmail = missing.includes("email");
  const hasPassword = missing.includes("password");
  if (hasEmail && hasPassword) return "missing.both";
  if (hasEmail) return "missing.email";
  if (hasPassword) return "missing.password";
  return null;
}

export function SignInForm({ next }: { next?: string }) {
  const t = useTranslations("auth.signIn");
  const [error, setError] = useState<string | null>(null);
  const [missing, setMissing] = useState<SignInField[]>([]);
  const [isPending, setPending] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  /** Names the empty fields, marks them invalid and puts the cursor in the first. */
  function showMissing(fields: SignInField[]) {
    setMissing(fields);
    const key = missingKey(fields);
    setError(key ? t(key) : null);
    const first = fields[0];
    if (first) form.current?.querySelector<HTMLInputElement>(`#${first}`)?.focus();
  }

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const email = String(data.get("email") ?? "");
    const password = String(data.get("password") ?? "");
    // Said here at once (the form is noValidate so the message is ours, in words that name the
    // field); the server checks the same rule again.
    const empty = missingSignInFields({ email, password });
    if (empty.length > 0) return showMissing(empty);
    setPending(true);
    setError(null);
    setMissing([]);
    const res = await signIn("credentials", { email, password, redirect: false });
    if (!res || res.error) {
      setPending(false);
      const serverMissing = parseMissingFieldsCode(res?.error);
      if (serverMissing && serverMissing.length > 0) return showMissing(serverMissing);
      setError(res?.error === "RATE_LIMITED" ? t("rateLimited") : t("wrong"));
      return;
    }
    window.location.assign(safeNext(next));
  }

  const invalid = (f: SignInField) => (missing.includes(f) ? true : undefined);
  return (
    <form ref={form} onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label={t("email")} id="email" name="email" type="email" autoComplete="username" required aria-invalid={invalid("email")} />
      <Field label={t("password")} id="password" name="password" type="password" autoComplete="current-password" required aria-invalid={invalid("password")} />
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={isPending}>
        {isPending ? t("pending") : t("submit")}
      </button>
    </form>
  );
}
