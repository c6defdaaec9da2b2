"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { runAction } from "@/server/actions/run-action";
import { realtime } from "@/server/realtime/global";
import { restoreVersion } from "@/server/services/restore-version";
import { saveNamedVersion } from "@/server/services/save-named-version";

// Thin: read the form, call the use case (which authorizes from the session, never from the
// bound ids), refresh what changed. The ids only say which proposal and which pages.

export async function saveVersionAction(workshopId: string, proposalId: string, _prev: unknown, form: FormData) {
  const user = await currentUser();
  const result = await runAction(() =>
    saveNamedVersion({ db: db(), rooms: realtime().rooms, userId: user?.id ?? null, proposalId, label: String(form.get("label") ?? "") }),
  );
  if (result.ok) revalidatePath(`/workshops/${workshopId}/proposals/${proposalId}`, "layout");
  return result.ok ? { ok: true as const, data: { number: result.data.number } } : result;
}

export async function restoreVersionAction(workshopId: string, proposalId: string, number: number) {
  const user = await currentUser();
  const result = await runAction(() => restoreVersion({ db: db(), rooms: realtime().rooms, userId: user?.id ?? null, proposalId, number }));
  // The live text changed: the proposal page's server-rendered fallback and the history both.
  if (result.ok) revalidatePath(`/workshops/${workshopId}/proposals/${proposalId}`, "layout");
  return result.ok ? { ok: true as const, data: { number: result.data.number } } : result;
}
