// A chair renames a delegation or changes its colour (its code stays: ballots, exports and the
// audit log know it by it). Its members' open tabs take the new name and colour at once.
import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveNotifier } from "../live-notifier.ts";

export const EditDelegationInput = z.object({
  name: z
    .string({ error: "Name: enter the delegation's name." })
    .trim()
    .min(2, "Name: enter the delegation's name (at least 2 characters).")
    .max(80, "Name: keep it to 80 characters."),
  colour: z.string({ error: "Colour: pick a colour." }).regex(/^#[0-9a-fA-F]{6}$/, "Colour: pick a colour (#rrggbb)."),
});

export async function editDelegation(opts: {
  db: Db;
  live: LiveNotifier;
  userId: string | null;
  workshopId: string;
  delegationId: string;
  input: z.input<typeof EditDelegationInput>;
}): Promise<void> {
  const { db, workshopId, delegationId } = opts;
  const { membership } = await authorize({ db, userId: opts.userId, action: "workshop.manage", workshopId });
  const parsed = EditDelegationInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const name = parsed.data.name;
  const colour = parsed.data.colour.toLowerCase();

  const members = await db.$transaction(async (tx) => {
    const d = await tx.delegation.findFirst({ where: { id: delegationId, workshopId } });
    if (!d) throw new AppError("NOT_FOUND", "This delegation is not in the workshop (any more).");
    if (d.name === name && d.colour === colour) return null;
    await tx.delegation.update({ where: { id: d.id }, data: { name, colour } });
    await recordAudit(tx, {
      workshopId,
      actorId: membership.userId,
      action: "delegation.edit",
      detail: { delegationId: d.id, code: d.code, from: { name: d.name, colour: d.colour }, to: { name, colour } },
    });
    return tx.member.findMany({ where: { workshopId, delegationId: d.id }, select: { userId: true } });
  });
  if (!members) return;
  // Their rooms stamp presence with the delegation's name and colour: refreshed with the seat.
  for (const m of members) opts.live.accessChanged({ userId: m.userId, workshopId });
  opts.live.workshopChanged(workshopId);
}
