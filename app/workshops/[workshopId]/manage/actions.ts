"use server";

import { revalidatePath } from "next/cache";
import { db } from "@/lib/db";
import { currentUser } from "@/server/auth/session";
import { runAction } from "@/server/actions/run-action";
import { createDelegation } from "@/server/services/create-delegation";
import { createInvite } from "@/server/services/create-invite";
import { revokeInvite } from "@/server/services/revoke-invite";
import { moveAgendaItem } from "@/server/services/move-agenda-item";
import { realtime } from "@/server/realtime/global";

// Thin: read the form, call the use case (which authorizes), refresh the page.

export async function createDelegationAction(workshopId: string, _prev: unknown, form: FormData) {
  const user = await currentUser();
  const result = await runAction(() =>
    createDelegation({
      db: db(),
      userId: user?.id ?? null,
      workshopId,
      input: { name: String(form.get("name") ?? ""), code: String(form.get("code") ?? ""), colour: String(form.get("colour") ?? "") },
    }),
  );
  if (result.ok) revalidatePath(`/workshops/${workshopId}`, "layout");
  return result.ok ? { ok: true as const, data: undefined } : result;
}

export async function createInviteAction(workshopId: string, _prev: unknown, form: FormData) {
  const user = await currentUser();
  const delegation = String(form.get("delegationId") ?? "");
  const result = await runAction(() =>
    createInvite({
      db: db(),
      userId: user?.id ?? null,
      workshopId,
      now: new Date(),
      input: {
        role: String(form.get("role") ?? "") as "DELEGATE",
        delegationId: delegation === "" ? null : delegation,
        expiresInDays: Number(form.get("expiresInDays") ?? 7),
        maxUses: Number(form.get("maxUses") ?? 1),
      },
    }),
  );
  if (result.ok) revalidatePath(`/workshops/${workshopId}/manage`);
  return result.ok ? { ok: true as const, data: { path: `/invite/${result.data.token}` } } : result;
}

export async function revokeInviteAction(workshopId: string, inviteId: string) {
  const user = await currentUser();
  const result = await runAction(() => revokeInvite({ db: db(), userId: user?.id ?? null, workshopId, inviteId, now: new Date() }));
  revalidatePath(`/workshops/${workshopId}/manage`);
  return result;
}

export async function moveAgendaItemAction(workshopId: string, proposalId: string, direction: "up" | "down") {
  const user = await currentUser();
  const result = await runAction(() => moveAgendaItem({ db: db(), live: realtime().live, userId: user?.id ?? null, workshopId, proposalId, direction }));
  revalidatePath(`/workshops/${workshopId}`, "layout");
  return result;
}
