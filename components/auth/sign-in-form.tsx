"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import { Field, buttonPrimary } from "@/components/ui/field";
import { ErrorAlert } from "@/components/ui/alert";

// Only same-site paths: a crafted ?callbackUrl= must not send people elsewhere.
function safeNext(next: string | undefined): string {
  return next && next.startsWith("/") && !next.startsWith("//") ? next : "/workshops";
}

export function SignInForm({ next }: { next?: string }) {
  const [error, setError] = useState<string | null>(null);
  const [isPending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (!res || res.error) {
      setPending(false);
      setError(res?.error === "RATE_LIMITED" ? "Too many sign-in attempts. Wait a few minutes and try again." : "Wrong email or password.");
      return;
    }
    window.location.assign(safeNext(next));
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Email" id="email" name="email" type="email" autoComplete="username" required />
      <Field label="Password" id="password" name="password" type="password" autoComplete="current-password" required />
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <button type="submit" className={`${buttonPrimary} w-full`} disabled={isPending}>
        {isPending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
