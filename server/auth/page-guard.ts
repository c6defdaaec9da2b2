// Turns the use cases' named errors into what a page answers: sign-in redirect, 404 or 403.
import { forbidden, notFound, redirect } from "next/navigation";
import { isAppError } from "../../lib/errors.ts";
import { safeNext } from "../../lib/safe-next.ts";
import { currentUser, type SessionUser } from "./session.ts";

export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/sign-in?next=${encodeURIComponent(safeNext(returnTo))}`);
  return user;
}

export async function guardPage<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (e) {
    if (isAppError(e)) {
      // Non-members get the same 404 as for a page that does not exist: nothing leaks.
      if (e.code === "NOT_FOUND" || e.code === "NOT_A_MEMBER") notFound();
      if (e.code === "FORBIDDEN" || e.code === "WRONG_STATE" || e.code === "ARCHIVED") forbidden();
      if (e.code === "UNAUTHENTICATED") redirect("/sign-in");
    }
    throw e;
  }
}
