import type { Db } from "../../../lib/db.ts";
import type { AuditAction } from "../../../lib/domain/vocabulary.ts";

// Accepts a transaction client too, so the audit row commits with the change it describes.
type Writer = Pick<Db, "auditEvent">;

export async function recordAudit(
  db: Writer,
  event: { workshopId: string; proposalId?: string | null; actorId: string | null; action: AuditAction; detail?: Record<string, unknown> },
): Promise<void> {
  await db.auditEvent.create({
    data: {
      workshopId: event.workshopId,
      proposalId: event.proposalId ?? null,
      actorId: event.actorId,
      action: event.action,
      detail: JSON.stringify(event.detail ?? {}),
    },
  });
}
