import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";

export const DelegationInput = z.object({
  name: z.string().trim().min(2, "Enter the delegation's name.").max(80),
  code: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2,6}$/, "The code is 2–6 letters, e.g. CHN."),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Pick a colour."),
});

export async function createDelegation(opts: { db: Db; userId: string | null; workshopId: string; input: z.input<typeof DelegationInput> }) {
  await authorize({ db: opts.db, userId: opts.userId, action: "workshop.manage", workshopId: opts.workshopId });
  const parsed = DelegationInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const taken = await opts.db.delegation.findUnique({ where: { workshopId_code: { workshopId: opts.workshopId, code: parsed.data.code } } });
  if (taken) throw new AppError("CONFLICT", `The code ${parsed.data.code} is already used in this workshop.`);
  const d = await opts.db.delegation.create({ data: { workshopId: opts.workshopId, ...parsed.data, colour: parsed.data.colour.toLowerCase() } });
  await recordAudit(opts.db, { workshopId: opts.workshopId, actorId: opts.userId, action: "delegation.create", detail: { delegationId: d.id, code: d.code } });
  return d;
}
