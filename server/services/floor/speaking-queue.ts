// The speaking queue: delegates ask for the floor, the chair gives it with a time limit and
// ends it. One verb per function; each authorizes and tells the live board.
import { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { DEFAULT_SPEAKING_LIMIT_SECONDS, MAX_SPEAKING_LIMIT_SECONDS, MIN_SPEAKING_LIMIT_SECONDS } from "../../../lib/domain/speaking-time.ts";
import { ACTIVE_FLOOR_STATUSES } from "../../../lib/domain/vocabulary.ts";
import { AppError } from "../../../lib/errors.ts";
import { authorize } from "../authorize.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveDocuments } from "../live-documents.ts";
import { readingParagraph } from "../drafting/reading-paragraph.ts";

type Base = { db: Db; live: LiveNotifier; userId: string | null; workshopId: string; now: Date };

/** `rooms`: to number the paragraph being read, if a reading runs (without it, the key alone is kept). */
export async function requestFloor(opts: Base & { rooms?: Pick<LiveDocuments, "readParagraphs"> }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "floor.request", workshopId: opts.workshopId });
  const paragraph = await readingParagraph(opts.db, opts.rooms, opts.workshopId);
  // Check and insert in one transaction (SQLite serializes writers; on PostgreSQL two tabs of
  // one person racing within milliseconds could both get in — harmless: the chair sees both).
  const req = await opts.db.$transaction(async (tx) => {
    const open = await tx.floorRequest.findFirst({ where: { workshopId: opts.workshopId, userId: membership.userId, status: { in: [...ACTIVE_FLOOR_STATUSES] } } });
    if (open) throw new AppError("ALREADY_QUEUED");
    const created = await tx.floorRequest.create({
      data: { workshopId: opts.workshopId, userId: membership.userId, delegationId: membership.delegationId, requestedAt: opts.now, ...(paragraph ?? {}) },
    });
    await recordAudit(tx, { workshopId: opts.workshopId, actorId: membership.userId, action: "floor.request", detail: { requestId: created.id } });
    return created;
  });
  opts.live.workshopChanged(opts.workshopId);
  return req;
}

/** A delegate withdraws their own waiting request. */
export async function withdrawFloorRequest(opts: Base) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "floor.request", workshopId: opts.workshopId });
  const { count } = await opts.db.floorRequest.updateMany({
    where: { workshopId: opts.workshopId, userId: membership.userId, status: "WAITING" },
    data: { status: "WITHDRAWN", endedAt: opts.now },
  });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit(opts.db, { workshopId: opts.workshopId, actorId: membership.userId, action: "floor.withdraw", detail: {} });
  opts.live.workshopChanged(opts.workshopId);
}

export const GiveFloorInput = z.object({
  requestId: z.string().min(1).max(64),
  limitSeconds: z.coerce.number().int().min(MIN_SPEAKING_LIMIT_SECONDS).max(MAX_SPEAKING_LIMIT_SECONDS).default(DEFAULT_SPEAKING_LIMIT_SECONDS),
});

/** The chair gives the floor to a waiting delegate; whoever was speaking is done. */
export async function giveFloor(opts: Base & { input: z.input<typeof GiveFloorInput> }) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "floor.manage", workshopId: opts.workshopId });
  const parsed = GiveFloorInput.safeParse(opts.input);
  if (!parsed.success) throw new AppError("INVALID_INPUT", parsed.error.issues[0]?.message);
  await opts.db.$transaction(async (tx) => {
    await tx.floorRequest.updateMany({ where: { workshopId: opts.workshopId, status: "SPEAKING" }, data: { status: "DONE", endedAt: opts.now } });
    const { count } = await tx.floorRequest.updateMany({
      where: { id: parsed.data.requestId, workshopId: opts.workshopId, status: "WAITING" },
      data: { status: "SPEAKING", startedAt: opts.now, limitSeconds: parsed.data.limitSeconds },
    });
    if (count === 0) throw new AppError("NOT_FOUND");
    await recordAudit(tx, { workshopId: opts.workshopId, actorId: membership.userId, action: "floor.give", detail: { requestId: parsed.data.requestId, limitSeconds: parsed.data.limitSeconds } });
  });
  opts.live.workshopChanged(opts.workshopId);
}

/** The chair ends the current speaker's turn. */
export async function endFloor(opts: Base) {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "floor.manage", workshopId: opts.workshopId });
  // Which speech ended, so the audit log can name the speaker (list-audit-events.ts).
  const speaking = await opts.db.floorRequest.findFirst({ where: { workshopId: opts.workshopId, status: "SPEAKING" }, select: { id: true } });
  const { count } = await opts.db.floorRequest.updateMany({ where: { workshopId: opts.workshopId, status: "SPEAKING" }, data: { status: "DONE", endedAt: opts.now } });
  if (count === 0) throw new AppError("NOT_FOUND");
  await recordAudit(opts.db, { workshopId: opts.workshopId, actorId: membership.userId, action: "floor.end", detail: speaking ? { requestId: speaking.id } : {} });
  opts.live.workshopChanged(opts.workshopId);
}
