import type { z } from "zod";
import type { Db } from "../../../lib/db.ts";
import { authorize } from "../authorize.ts";
import { recordAudit } from "../audit/record-audit.ts";
import type { LiveNotifier } from "../live-notifier.ts";
import { parseWorkshopDetails, type WorkshopDetails, type WorkshopDetailsInput } from "./workshop-details.ts";

const FIELDS = ["title", "description", "timeZone", "defaultVoteRule", "defaultQuorum", "outcomeForObservers"] as const satisfies ReadonlyArray<keyof WorkshopDetails>;

/**
 * A chair (any of the workshop's MODERATORs) changes the title, description, venue zone or vote
 * defaults, or whether observers may download the outcome record. The change and its audit entry commit together; every open page of the workshop
 * then refreshes from the live board. Refused once the workshop is archived (ARCHIVED).
 */
export async function editWorkshopDetails(opts: {
  db: Db;
  live: LiveNotifier;
  userId: string | null;
  workshopId: string;
  input: z.input<typeof WorkshopDetailsInput>;
}): Promise<{ changed: Array<keyof WorkshopDetails> }> {
  const { membership } = await authorize({ db: opts.db, userId: opts.userId, action: "workshop.edit", workshopId: opts.workshopId });
  const details = parseWorkshopDetails(opts.input);
  const changed = await opts.db.$transaction(async (tx) => {
    const before = await tx.workshop.findUniqueOrThrow({ where: { id: opts.workshopId }, select: { title: true, description: true, timeZone: true, defaultVoteRule: true, defaultQuorum: true, outcomeForObservers: true } });
    // A field left out (undefined: outcomeForObservers from an older form) is unchanged.
    const fields = FIELDS.filter((f) => details[f] !== undefined && before[f] !== details[f]);
    if (fields.length === 0) return fields;
    await tx.workshop.update({ where: { id: opts.workshopId }, data: details });
    // Old and new values, except the description (long; the log says it changed).
    const values = Object.fromEntries(fields.filter((f) => f !== "description").map((f) => [f, { from: before[f], to: details[f] }]));
    await recordAudit(tx, { workshopId: opts.workshopId, actorId: membership.userId, action: "workshop.edit", detail: { changed: fields, ...values } });
    return fields;
  });
  if (changed.length > 0) opts.live.workshopChanged(opts.workshopId);
  return { changed };
}
