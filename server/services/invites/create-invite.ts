import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { ROLES } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import { hashInviteToken, newInviteToken } from "./invite-token.ts";
import { recordAudit } from "../audit/record-audit.ts";

export const CreateInviteInput = z
  .object({
    role: z.enum(ROLES),
    delegationId: z.string().min(1).nullable(),
    // Invites are short-lived by design: a link forwarded weeks later should not work.
    expiresInDays: z.coerce.number().int().min(1).max(30).default(7),
    maxUses: z.coerce.number().int().min(1).max(100).default(1),
  })
  .refine((v) => v.role !== "DELEGATE" || v.delegationId, { message: "A delegate invite needs a delegation.", path: ["delegationId"] });

export async function createInvite(opts: {
  db: Db;
  userId: string | null;
  workshopId: string;
  input: z.input<typeof CreateInviteInput>;
  now: Date;
}): Promise<{ token: string; inviteId: string }> {
  await authorize({ db: opts.db, userId: opts.userId, action: "workshop.manage", workshopId: opts.workshopId });
  const parsed = CreateInviteInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  const input = parsed.data;
  const delegationId = input.role === "DELEGATE" ? input.delegationId : null;
  if (delegationId) {
    const d = await opts.db.delegation.findFirst({ where: { id: delegationId, workshopId: opts.workshopId } });
    if (!d) throw new AppError("INVALID_INPUT", "That delegation is not in this workshop.");
  }
  const token = newInviteToken();
  const invite = await opts.db.$transaction(async (tx) => {
    const created = await tx.invite.create({
      data: {
        workshopId: opts.workshopId,
        tokenHash: hashInviteToken(token),
        role: input.role,
        delegationId,
        expiresAt: new Date(opts.now.getTime() + input.expiresInDays * 86_400_000),
        maxUses: input.maxUses,
        createdById: opts.userId!,
      },
    });
    await recordAudit(tx, {
      workshopId: opts.workshopId,
      actorId: opts.userId,
      action: "invite.create",
      detail: { inviteId: created.id, role: input.role, delegationId, maxUses: input.maxUses },
    });
    return created;
  });
  return { token, inviteId: invite.id };
}
